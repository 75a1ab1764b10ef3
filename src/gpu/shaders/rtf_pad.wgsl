// Padded RTF coefficient rows (src/gpu/rtf.ts): row h of length L holds den_h + i·c_h·num_h with
//   den = (1, a1, …, an, 0, …),
//   num = (0, b1, …, bn, 0, …)  ('paper', one-step delay, OFFSET = 1)
//         (b1, …, bn, 0, …)     ('blog', no delay, OFFSET = 0),
// c_h a per-row balancing factor (‖den‖₂ / ‖num‖₂). Only this kernel sees n: O(H·L) writes.

override WG: u32 = 64u;

struct Params {
  n: u32,
  L: u32,
  rows: u32,
  offset: u32, // where b1 goes: 1 ('paper') or 0 ('blog')
}

@group(0) @binding(0) var<storage, read> a: array<f32>; // H·n
@group(0) @binding(1) var<storage, read> b: array<f32>; // H·n
@group(0) @binding(2) var<storage, read> c: array<f32>; // H
@group(0) @binding(3) var<storage, read_write> z: array<vec2f>; // H·L
@group(0) @binding(4) var<uniform> P: Params;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let e = gid.x + gid.y * nwg.x * WG;
  if (e >= P.rows * P.L) {
    return;
  }
  let row = e / P.L;
  let k = e - row * P.L;
  var d = 0.0;
  if (k == 0u) {
    d = 1.0;
  } else if (k <= P.n) {
    d = a[row * P.n + k - 1u];
  }
  var q = 0.0;
  if (k >= P.offset && k < P.n + P.offset) {
    q = c[row] * b[row * P.n + k - P.offset];
  }
  z[e] = vec2f(d, q);
}
