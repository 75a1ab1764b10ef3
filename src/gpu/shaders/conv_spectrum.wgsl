// Spectrum product of causal convolution (src/gpu/conv.ts). Row h of z holds the FFT of
// K'_h + i·u'_h (both real, zero-padded to m), so with Z_{−j} = Z_{m−j}:
//   FFT(K')_j = (Z_j + conj Z_{−j}) / 2,   FFT(u')_j = (Z_j − conj Z_{−j}) / (2i),
//   their product P_j = (Z_j² − conj(Z_{−j})²) / (4i).
// One invocation does the pair (j, m − j), so the product can overwrite z in place.

override WG: u32 = 64u;

struct Params {
  m: u32,
  rows: u32,
}

@group(0) @binding(0) var<storage, read_write> z: array<vec2f>;
@group(0) @binding(1) var<uniform> P: Params;

fn csq(a: vec2f) -> vec2f {
  return vec2f(a.x * a.x - a.y * a.y, 2.0 * a.x * a.y);
}

// (a − conj(b)) / (4i) with a = Z_j², b = Z_{−j}²
fn prod(a: vec2f, b: vec2f) -> vec2f {
  let d = vec2f(a.x - b.x, a.y + b.y);
  return 0.25 * vec2f(d.y, -d.x);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let half = P.m / 2u + 1u; // pairs j = 0 … m/2
  let e = gid.x + gid.y * nwg.x * WG;
  if (e >= P.rows * half) {
    return;
  }
  let row = e / half;
  let j = e - row * half;
  let jm = (P.m - j) & (P.m - 1u);
  let base = row * P.m;
  let a = csq(z[base + j]);
  let b = csq(z[base + jm]);
  z[base + j] = prod(a, b);
  if (jm != j) {
    z[base + jm] = prod(b, a);
  }
}
