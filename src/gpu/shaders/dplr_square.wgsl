// One squaring step of Ā^(2^k) in "delta" form, batched over H rows (src/gpu/dplr.ts):
//   E ← 2E + E·E,   where Ā^(2^k) = I + E.
// Keeping E = Ā^(2^k) − I instead of Ā^(2^k) preserves the relative precision of the small
// deviation from I (Δ small: Ā = I + O(Δ)), as expm1 does for e^x − 1.
// E is lower triangular (LegS A is, so Ā = (I − ΔA/2)⁻¹(I + ΔA/2) is): only tiles on or below
// the diagonal are computed, and the k-sum runs over [c, r] only: N³/6 multiply-adds.
//
// Layout: E f32 [h][Np][Np] row-major, Np = N padded to a multiple of 32 with zeros.
// One workgroup = one 32 × 32 output tile (ti ≥ tj) of one row h; each of its 32 threads owns an
// 8 × 4 register block (rows r0..r0+7, columns c0..c0+3): per k it loads 8 + 4 values for 32
// FMAs (every load is a gather on SwiftShader, so this ratio sets the speed). Blocks strictly
// above the diagonal are never written: they stay 0 from the buffer's creation. The workgroup
// size is fixed by that shape (32 × 32 tile / (8 × 4) blocks = 32 threads), hence a literal.

struct Params {
  H: u32,
  N: u32,
  Np: u32,
  tiles: u32, // nt(nt+1)/2 lower tiles per row, nt = Np / 32
  gridX: u32, // workgroups along x of the squaring dispatch
  vecGridX: u32, // threads along x of the vector-step dispatch (dplr_vec.wgsl)
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> E: array<f32>;
@group(0) @binding(2) var<storage, read_write> Out: array<f32>;

@compute @workgroup_size(32)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) t: u32) {
  let block = wid.x + wid.y * p.gridX;
  let h = block / p.tiles;
  if (h >= p.H) {
    return;
  }
  // Lower tile k = ti(ti+1)/2 + tj, tj ≤ ti (the f32 square root is corrected by ±1).
  let k = block % p.tiles;
  var ti = u32((sqrt(8.0 * f32(k) + 1.0) - 1.0) * 0.5);
  if ((ti + 1u) * (ti + 2u) / 2u <= k) {
    ti += 1u;
  }
  if (ti * (ti + 1u) / 2u > k) {
    ti -= 1u;
  }
  let tj = k - ti * (ti + 1u) / 2u;
  let r0 = ti * 32u + (t / 8u) * 8u;
  let c0 = tj * 32u + (t % 8u) * 4u;
  if (c0 > r0 + 7u) {
    return; // strictly above the diagonal: zero
  }
  let Np = p.Np;
  let rb = h * Np * Np + r0 * Np; // start of row r0
  var a0 = vec4<f32>(0.0);
  var a1 = vec4<f32>(0.0);
  var a2 = vec4<f32>(0.0);
  var a3 = vec4<f32>(0.0);
  var a4 = vec4<f32>(0.0);
  var a5 = vec4<f32>(0.0);
  var a6 = vec4<f32>(0.0);
  var a7 = vec4<f32>(0.0);
  // (E²)_{rc} = Σ_{c ≤ k ≤ r} E_rk E_kc; over the block, k ∈ [c0, r0 + 7].
  for (var kk = c0; kk < r0 + 8u; kk++) {
    let row = h * Np * Np + kk * Np + c0;
    let b = vec4<f32>(E[row], E[row + 1u], E[row + 2u], E[row + 3u]);
    let x = rb + kk;
    a0 += E[x] * b;
    a1 += E[x + Np] * b;
    a2 += E[x + 2u * Np] * b;
    a3 += E[x + 3u * Np] * b;
    a4 += E[x + 4u * Np] * b;
    a5 += E[x + 5u * Np] * b;
    a6 += E[x + 6u * Np] * b;
    a7 += E[x + 7u * Np] * b;
  }
  put(rb + c0, a0);
  put(rb + Np + c0, a1);
  put(rb + 2u * Np + c0, a2);
  put(rb + 3u * Np + c0, a3);
  put(rb + 4u * Np + c0, a4);
  put(rb + 5u * Np + c0, a5);
  put(rb + 6u * Np + c0, a6);
  put(rb + 7u * Np + c0, a7);
}

// Out = 2E + (E²) for 4 consecutive entries.
fn put(at: u32, a: vec4<f32>) {
  Out[at] = 2.0 * E[at] + a.x;
  Out[at + 1u] = 2.0 * E[at + 1u] + a.y;
  Out[at + 2u] = 2.0 * E[at + 2u] + a.z;
  Out[at + 3u] = 2.0 * E[at + 3u] + a.w;
}
