// y[h, k] = Re z[h, k] for k < L: the first L samples of each inverse-transformed row of length m
// (src/gpu/conv.ts).

override WG: u32 = 64u;

struct Params {
  L: u32,
  m: u32,
  rows: u32,
}

@group(0) @binding(0) var<storage, read> z: array<vec2f>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
@group(0) @binding(2) var<uniform> P: Params;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let e = gid.x + gid.y * nwg.x * WG;
  if (e >= P.rows * P.L) {
    return;
  }
  let row = e / P.L;
  let k = e - row * P.L;
  y[e] = z[row * P.m + k].x;
}
