// Output of fft_stockham.wgsl / fft_radix.wgsl out of place: into a second buffer.
@group(0) @binding(4) var<storage, read_write> dst: array<vec2f>;

fn store(i: u32, y: vec2f) {
  dst[i] = y;
}

fn extent() -> u32 {
  return min(arrayLength(&src), arrayLength(&dst));
}
