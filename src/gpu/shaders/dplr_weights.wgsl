// Cauchy weights of the C̃-dependent terms, batched over H rows (src/gpu/dplr.ts):
//   c_i = Σ_a conj(V_ai) C̃_a  (C̃ = −d, the projection onto the NPLR eigenvectors),
//   w0_i = conj(c_i) b_i,  w1_i = conj(c_i) p_i   (b = V*B, p = V*P),
// for the eigenvalues i < nh = ceil(N/2) kept (one per conjugate pair, plus the real one for
// odd N). Layout: d f32 [h][Np]; Vc vec2 [i][a] = V_ai; bp vec4 [i] = (b_i, p_i);
// W vec4 [h][nh] = (w0_i, w1_i). One thread per (h, i).

struct Params {
  H: u32,
  N: u32,
  Np: u32,
  nh: u32,
  gridX: u32, // threads along x of the dispatch
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> d: array<f32>;
@group(0) @binding(2) var<storage, read> Vc: array<vec2<f32>>;
@group(0) @binding(3) var<storage, read> bp: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> W: array<vec4<f32>>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let id = gid.x + gid.y * p.gridX;
  let h = id / p.nh;
  let i = id % p.nh;
  if (h >= p.H) {
    return;
  }
  var c = vec2<f32>(0.0, 0.0);
  for (var a = 0u; a < p.N; a++) {
    c -= Vc[i * p.N + a] * d[h * p.Np + a]; // C̃ = −d
  }
  // conj(V) C̃ summed: c = (Σ Vre C̃, −Σ Vim C̃)
  c.y = -c.y;
  let q = bp[i];
  // conj(c) · z = (c.x z.x + c.y z.y, c.x z.y − c.y z.x)
  W[id] = vec4<f32>(
    c.x * q.x + c.y * q.y,
    c.x * q.y - c.y * q.x,
    c.x * q.z + c.y * q.w,
    c.x * q.w - c.y * q.z,
  );
}
