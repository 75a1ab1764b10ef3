// K[h, k] = Re z[h, k] (+ h0_h at k = 0 for the 'paper' convention) (src/gpu/rtf.ts).

override WG: u32 = 64u;

struct Params {
  L: u32,
  rows: u32,
  addH0: u32,
}

@group(0) @binding(0) var<storage, read> z: array<vec2f>; // H·L
@group(0) @binding(1) var<storage, read> h0: array<f32>; // H
@group(0) @binding(2) var<storage, read_write> K: array<f32>; // H·L
@group(0) @binding(3) var<uniform> P: Params;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let e = gid.x + gid.y * nwg.x * WG;
  if (e >= P.rows * P.L) {
    return;
  }
  let row = e / P.L;
  let k = e - row * P.L;
  var y = z[e].x;
  if (k == 0u && P.addH0 == 1u) {
    y += h0[row];
  }
  K[e] = y;
}
