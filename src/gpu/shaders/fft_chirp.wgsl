// Bluestein (chirp-z) steps for a DFT of any length L through a pow2 FFT of length m ≥ 2L − 1
// (src/gpu/fft.ts). With σ = −1 (forward) or +1 (inverse) and the chirp c_k = e^{σiπk²/L}:
//   X_j = c_j Σ_k (x_k c_k) d_{j−k},  d_k = conj(c_k),
// a circular convolution of length m. The chirp comes from a host float64 table
// chirp[k] = (cos θ, −sin θ), θ = π(k² mod 2L)/L, so c_k = (chirp.x, −σ·chirp.y); the filter
// spectrum spec = FFT_m(conj(chirp) placed at ±k) is also computed in float64 on the host. For
// σ = +1 the filter is conj(d), whose spectrum is conj(spec) because d is even in k.

override WG: u32 = 256u;

struct Params {
  L: u32,
  m: u32,
  rows: u32,
  sign: f32, // σ
  scale: f32, // 1, or 1/L for the inverse
}

@group(0) @binding(0) var<storage, read_write> x: array<vec2f>; // rows of L
@group(0) @binding(1) var<storage, read_write> w: array<vec2f>; // rows of m
@group(0) @binding(2) var<storage, read> table: array<vec2f>; // chirp (L) or spectrum (m)
@group(0) @binding(3) var<uniform> P: Params;

fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

fn chirpAt(k: u32) -> vec2f {
  let c = table[k];
  return vec2f(c.x, -P.sign * c.y);
}

fn flat(gid: vec3u, nwg: vec3u) -> u32 {
  return gid.x + gid.y * nwg.x * WG;
}

// w[r, k] = x[r, k]·c_k for k < L, 0 for L ≤ k < m
@compute @workgroup_size(WG)
fn pre(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let e = flat(gid, nwg);
  if (e >= P.rows * P.m) {
    return;
  }
  let r = e / P.m;
  let k = e - r * P.m;
  var y = vec2f(0.0);
  if (k < P.L) {
    y = cmul(x[r * P.L + k], chirpAt(k));
  }
  w[e] = y;
}

// convolve: w[r, j] *= spec_j (σ = −1) or conj(spec_j) (σ = +1); x is bound but unused by the math
@compute @workgroup_size(WG)
fn convolve(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let e = flat(gid, nwg);
  if (e >= P.rows * P.m) {
    return;
  }
  let j = e % P.m;
  let f = table[j];
  w[e] = cmul(w[e], vec2f(f.x, -P.sign * f.y));
  if (e == 0u && P.rows == 0u) {
    x[0] = vec2f(0.0); // never runs: keeps `x` in the auto layout so all entries share one
  }
}

// x[r, j] = scale·c_j·w[r, j] for j < L
@compute @workgroup_size(WG)
fn post(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let e = flat(gid, nwg);
  if (e >= P.rows * P.L) {
    return;
  }
  let r = e / P.L;
  let j = e - r * P.L;
  x[e] = P.scale * cmul(w[r * P.m + j], chirpAt(j));
}
