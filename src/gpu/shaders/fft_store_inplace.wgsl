// Output of fft_stockham.wgsl / fft_radix.wgsl in place: back into the input buffer.
fn store(i: u32, y: vec2f) {
  src[i] = y;
}

fn extent() -> u32 {
  return arrayLength(&src);
}
