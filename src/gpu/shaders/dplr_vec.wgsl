// Row-vector step of C Ā^L in delta form, batched over H rows (src/gpu/dplr.ts):
//   d ← d + (C + d)·E,   i.e. C(I + F)(I + E) − C with d = C F, F = Ā^m − I, E = Ā^(2^k) − I.
// Starting from d = 0 and applying it for every set bit k of L gives d = C(Ā^L − I) = −C̃.
// E is lower triangular, so out_j = d_j + Σ_{i ≥ j} (C_i + d_i) E_ij.
//
// Layout: E f32 [h][Np][Np]; C, d, out f32 [h][Np]. One thread per (h, j).

struct Params {
  H: u32,
  N: u32,
  Np: u32,
  tiles: u32, // nt(nt+1)/2 lower tiles per row, nt = Np / 32
  gridX: u32, // workgroups along x of the squaring dispatch
  vecGridX: u32, // threads along x of the vector-step dispatch
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> E: array<f32>;
@group(0) @binding(2) var<storage, read> C: array<f32>;
@group(0) @binding(3) var<storage, read> d: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let id = gid.x + gid.y * p.vecGridX;
  let h = id / p.Np;
  let j = id % p.Np;
  if (h >= p.H) {
    return;
  }
  let v = h * p.Np;
  let m = h * p.Np * p.Np;
  var s = 0.0;
  for (var i = j; i < p.N; i++) {
    s += (C[v + i] + d[v + i]) * E[m + i * p.Np + j];
  }
  out[v + j] = d[v + j] + s;
}
