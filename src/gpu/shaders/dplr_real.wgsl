// Unpacks the inverse DFT of Z = K̂_a + i K̂_b (dplr_cauchy.wgsl): row 2g of K is its real part,
// row 2g+1 its imaginary part. Layout: z vec2 [g][L]; K f32 [h][L]. One thread per (g, l).

struct Params {
  H: u32,
  G: u32,
  L: u32,
  gridX: u32, // threads along x of the dispatch
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> z: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read_write> K: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let id = gid.x + gid.y * p.gridX;
  let g = id / p.L;
  let l = id % p.L;
  if (g >= p.G) {
    return;
  }
  let v = z[id];
  K[2u * g * p.L + l] = v.x;
  if (2u * g + 1u < p.H) {
    K[(2u * g + 1u) * p.L + l] = v.y;
  }
}
