// S4D Vandermonde kernel as one small real matrix product per row (src/gpu/s4d.ts, 'gemm'):
//   K[h, j·T + i] = 2 Re Σ_n lo[h, n, i] · hi[h, n, j] = Σ_n dot(lo[h, n, i], hc[h, n, j]),
// with lo = Ā_n^i (i < T) and hc = conj(2 C_n B̄_n Ā_n^(jT)) built by the host in float64, so
// each term is exactly two FMAs (re·re + im·(−im)) and nothing else.
//
// A workgroup owns one row h and a TI × TJ block of outputs (TI = T: every i, TJ values of j
// from j0). It stages MC modes of both tables at a time in workgroup memory (coalesced loads,
// issued one stage ahead into registers), then each of its TX × TY threads accumulates an
// RI × RJ register tile, i ∈ {tx + TX·a : a < RI} (consecutive threads: consecutive i, so the
// stores coalesce) and j ∈ {j0 + RJ·ty + b : b < RJ}: per mode RI vec2 + RJ/2 vec4 loads from
// workgroup memory feed 2·RI·RJ FMAs.
//
// The first lines (RI … MC) are replaced by s4d.ts with the chosen tile (default there: 8 × 4
// on 16 × 16 invocations, MC = 8), and the marked regions by the same code unrolled.
const RI: u32 = 8u;
const RJ: u32 = 8u;
const TX: u32 = 16u;
const TY: u32 = 8u;
const MC: u32 = 8u;

const TI: u32 = TX * RI; // = T, the length of the low-power table
const TJ: u32 = TY * RJ; // values of j per workgroup
const NT: u32 = TX * TY; // threads per workgroup
const HJ: u32 = RJ / 2u; // a vec4 of hc holds two consecutive j
const SL: u32 = (MC * TI + NT - 1u) / NT; // lo values staged per invocation
const SH: u32 = (MC * TJ / 2u + NT - 1u) / NT; // hc vec4 values staged per invocation

// Layout: lo as vec2 (re, im) [h][n][T]; hc as vec4 (re_j, −im_j, re_j+1, −im_j+1)
// [h][n][nHiPad / 2]; n < Mp (modes zero padded to a multiple of MC, j to nHiPad = jBlocks·TJ);
// K [h][L].
struct Params {
  H: u32,
  Mp: u32,
  L: u32,
  nHiPad: u32,
  jBlocks: u32, // workgroups per row
  gridX: u32, // workgroups along x (the dispatch may be split over x and y)
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> lo: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read> hc: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> K: array<f32>;

var<workgroup> sLo: array<vec2<f32>, MC * TI>;
var<workgroup> sHc: array<vec4<f32>, MC * TJ / 2u>;

@compute @workgroup_size(NT)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) t: u32) {
  let block = wid.x + wid.y * p.gridX;
  let h = block / p.jBlocks;
  if (h >= p.H) {
    return; // the whole workgroup (h depends on the workgroup only)
  }
  let j0 = (block % p.jBlocks) * TJ;
  let tx = t % TX;
  let ty = t / TX;
  // <acc> (s4d.ts may replace each marked region by the same code, unrolled)
  var acc: array<array<f32, RI>, RJ>;
  for (var b = 0u; b < RJ; b++) {
    for (var a = 0u; a < RI; a++) {
      acc[b][a] = 0.0;
    }
  }
  // </acc>
  // the next MC modes' table values of this invocation are loaded into registers before the
  // current ones are used, so that their latency hides behind the FMAs
  var pl: array<vec2<f32>, SL>;
  var ph: array<vec4<f32>, SH>;
  fetch(h, 0u, j0, t, &pl, &ph);
  for (var n0 = 0u; n0 < p.Mp; n0 += MC) {
    workgroupBarrier();
    for (var s = 0u; s < SL; s++) {
      let k = t + NT * s;
      if (k < MC * TI) {
        sLo[k] = pl[s];
      }
    }
    for (var s = 0u; s < SH; s++) {
      let k = t + NT * s;
      if (k < MC * TJ / 2u) {
        sHc[k] = ph[s];
      }
    }
    workgroupBarrier();
    if (n0 + MC < p.Mp) {
      fetch(h, n0 + MC, j0, t, &pl, &ph);
    }
    for (var c = 0u; c < MC; c++) {
      // <modes>
      var l: array<vec2<f32>, RI>;
      for (var a = 0u; a < RI; a++) {
        l[a] = sLo[c * TI + tx + TX * a];
      }
      for (var q = 0u; q < HJ; q++) {
        let w = sHc[c * (TJ / 2u) + ty * HJ + q];
        for (var a = 0u; a < RI; a++) {
          acc[2u * q][a] = fma(l[a].y, w.y, fma(l[a].x, w.x, acc[2u * q][a]));
          acc[2u * q + 1u][a] = fma(l[a].y, w.w, fma(l[a].x, w.z, acc[2u * q + 1u][a]));
        }
      }
      // </modes>
    }
  }
  let rowBase = h * p.L;
  // <store>
  for (var b = 0u; b < RJ; b++) {
    let l0 = (j0 + ty * RJ + b) * TI + tx;
    for (var a = 0u; a < RI; a++) {
      let l = l0 + TX * a;
      if (l < p.L) {
        K[rowBase + l] = acc[b][a];
      }
    }
  }
  // </store>
}

/** Loads this invocation's share of modes n0 … n0 + MC − 1 of both tables. */
fn fetch(
  h: u32,
  n0: u32,
  j0: u32,
  t: u32,
  pl: ptr<function, array<vec2<f32>, SL>>,
  ph: ptr<function, array<vec4<f32>, SH>>,
) {
  let loBase = (h * p.Mp + n0) * TI;
  for (var s = 0u; s < SL; s++) {
    let k = t + NT * s;
    if (k < MC * TI) {
      (*pl)[s] = lo[loBase + k];
    }
  }
  let hcRow = p.nHiPad / 2u;
  for (var s = 0u; s < SH; s++) {
    let k = t + NT * s;
    if (k < MC * TJ / 2u) {
      let c = k / (TJ / 2u);
      (*ph)[s] = hc[(h * p.Mp + n0 + c) * hcRow + j0 / 2u + k % (TJ / 2u)];
    }
  }
}
