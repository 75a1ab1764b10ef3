// Q = FFT(num) / FFT(den) from the packed spectrum Z = FFT(den + i·c·num) (src/gpu/rtf.ts):
//   D_j = (Z_j + conj Z_{−j}) / 2,   c·N_j = (Z_j − conj Z_{−j}) / (2i),   Q_j = N_j / D_j,
// and Q_{−j} = conj(Q_j) since num and den are real. One invocation per pair (j, L − j), in place.
// The quotient is scaled by max(|D.x|, |D.y|) before squaring so that |D|² neither under- nor
// overflows; a zero D (a pole on an L-th root of unity) gives a non-finite Q, which rtf.ts
// reports as a RangeError like the core.

override WG: u32 = 64u;

struct Params {
  L: u32,
  rows: u32,
}

@group(0) @binding(0) var<storage, read_write> z: array<vec2f>; // H·L
@group(0) @binding(1) var<storage, read> c: array<f32>; // H
@group(0) @binding(2) var<uniform> P: Params;

fn quotient(zj: vec2f, zm: vec2f, cinv: f32) -> vec2f {
  let D = 0.5 * vec2f(zj.x + zm.x, zj.y - zm.y);
  let t = vec2f(zj.x - zm.x, zj.y + zm.y); // Z_j − conj Z_{−j} = 2i·c·N_j
  let N = 0.5 * cinv * vec2f(t.y, -t.x);
  let s = max(abs(D.x), abs(D.y));
  let Ds = D / s;
  let q = vec2f(N.x * Ds.x + N.y * Ds.y, N.y * Ds.x - N.x * Ds.y);
  return q / (dot(Ds, Ds) * s);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let half = P.L / 2u + 1u; // pairs j = 0 … ⌊L/2⌋
  let e = gid.x + gid.y * nwg.x * WG;
  if (e >= P.rows * half) {
    return;
  }
  let row = e / half;
  let j = e - row * half;
  let jm = select(P.L - j, 0u, j == 0u);
  let base = row * P.L;
  let zj = z[base + j];
  let zm = z[base + jm];
  let q = quotient(zj, zm, 1.0 / c[row]);
  z[base + j] = q;
  if (jm != j) {
    z[base + jm] = vec2f(q.x, -q.y);
  }
}
