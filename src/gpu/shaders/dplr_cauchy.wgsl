// Cauchy sums + Woodbury at the L-th roots of unity, batched over H rows (src/gpu/dplr.ts).
//
// At ω_j = e^{−iθ}, θ = 2πj/L, the core's singularity-free form (REFERENCE §3.11)
//   k_ab = Σ_i w_i · 2/(α − λ_i β),  K̂ = k00 − k01 k10 β/(2 + β k11),  α = (2/Δ)(1−ω), β = 1+ω
// is rewritten with 1 − ω = 2i s e^{−iθ/2}, 1 + ω = 2c e^{−iθ/2} (s = sin θ/2, c = cos θ/2):
//   2/(α − λβ) = e^{iθ/2} / D,  D = −λ c + i τ,  τ = (2/Δ) s,
//   K̂ = e^{iθ/2} [κ00 − c κ01 κ10 / (1 + c κ11)],  k_ab = e^{iθ/2} κ_ab.
// For λ = −½ + iω_i: D = ½c + i(τ − ω_i c) — a real part that never cancels and one real
// subtraction, so 1/D = (a − ib)/(a² + b²) costs no complex division and has no 1/(1+ω) pole
// (at ω = −1, c = 0 and D = iτ ≠ 0). Conjugate eigenvalues carry conjugate weights, so a pair
// (λ_i, λ̄_i) adds w/D₁ + w̄/D₂ = w_re (p₁ + p₂) + i w_im (p₁ − p₂) with p = 1/D. For odd N the
// one real eigenvalue (ω = 0, the last index nh − 1) adds w/D.
//
// Two rows per thread: the spectra of rows 2g and 2g+1 are real sequences' spectra, so they are
// packed as Z = K̂_a + i K̂_b (Hermitian fill for j > L/2) and one complex inverse DFT of Z gives
// K_a + i K_b (dplr_real.wgsl splits them). Two nodes per thread too: every per-eigenvalue load
// (eig, W of both rows) then serves four Cauchy updates (1.3–1.6× faster than one node on
// SwiftShader, where each loaded component costs a bounds-checked access).
//
// Layout: dt f32 [H]; sc vec2 [half] = (s_j, c_j); eig vec4 [nh] = (ω_i, w2 = conj(p_i) b_i,
// w3 = |p_i|²); W vec4 [h][nh] = (w0_i, w1_i); Z vec2 [g][L]. One thread per (g, node pair j = 2k, 2k + 1 ≤ L/2).

struct Params {
  H: u32,
  G: u32, // ceil(H / 2)
  L: u32,
  half: u32, // floor(L / 2) + 1 nodes
  nh: u32, // ceil(N / 2) eigenvalues kept
  pairs: u32, // floor(N / 2) conjugate pairs
  gridX: u32, // threads along x of the dispatch (it may be split over x and y)
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> dt: array<f32>;
@group(0) @binding(2) var<storage, read> sc: array<vec2<f32>>;
@group(0) @binding(3) var<storage, read> eig: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> W: array<vec4<f32>>;
@group(0) @binding(5) var<storage, read_write> Z: array<vec2<f32>>;

fn cmul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

fn cdiv(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  return vec2<f32>(a.x * b.x + a.y * b.y, a.y * b.x - a.x * b.y) / dot(b, b);
}

// Σ over a conjugate pair: w/D₁ + w̄/D₂ given S = p₁ + p₂, Df = p₁ − p₂.
fn pairSum(w: vec2<f32>, S: vec2<f32>, Df: vec2<f32>) -> vec2<f32> {
  return vec2<f32>(w.x * S.x - w.y * Df.y, w.x * S.y + w.y * Df.x);
}

// K̂ from the four Cauchy sums: e^{iθ/2}[κ00 − c κ01 κ10 / (1 + c κ11)].
fn woodbury(k00: vec2<f32>, k01: vec2<f32>, k10: vec2<f32>, k11: vec2<f32>, c: f32, s: f32) -> vec2<f32> {
  let den = vec2<f32>(1.0 + c * k11.x, c * k11.y);
  let r = k00 - c * cdiv(cmul(k01, k10), den);
  return cmul(vec2<f32>(c, s), r);
}

// The four Cauchy sums of one row at one node.
struct Acc {
  k00: vec2<f32>,
  k01: vec2<f32>,
  k10: vec2<f32>,
  k11: vec2<f32>,
}

// Adds the conjugate pair (λ, λ̄), λ = −½ + iω: D₁,₂ = a + i(τ ∓ ωc), a = c/2, oc = ωc.
fn addPair(acc: Acc, q: vec4<f32>, w2: vec2<f32>, w3: f32, tau: f32, oc: f32, a: f32, aa: f32) -> Acc {
  let b1 = tau - oc;
  let b2 = tau + oc;
  let n1 = 1.0 / (aa + b1 * b1);
  let n2 = 1.0 / (aa + b2 * b2);
  let S = vec2<f32>(a * (n1 + n2), -(b1 * n1 + b2 * n2));
  let Df = vec2<f32>(a * (n1 - n2), b2 * n2 - b1 * n1);
  var r = acc;
  r.k00 += pairSum(q.xy, S, Df);
  r.k01 += pairSum(q.zw, S, Df);
  r.k10 += pairSum(w2, S, Df);
  r.k11 += w3 * S;
  return r;
}

// Adds the real eigenvalue −½ of odd N: D = a + iτ, weights unpaired.
fn addSingle(acc: Acc, q: vec4<f32>, w2: vec2<f32>, w3: f32, tau: f32, a: f32, aa: f32) -> Acc {
  let pp = vec2<f32>(a, -tau) / (aa + tau * tau);
  var r = acc;
  r.k00 += cmul(q.xy, pp);
  r.k01 += cmul(q.zw, pp);
  r.k10 += cmul(w2, pp);
  r.k11 += w3 * pp;
  return r;
}

// Writes Z[g, j] = K̂_a + i K̂_b and, for 0 < j < L − j, Z[g, L − j] = conj(K̂_a) + i conj(K̂_b).
fn store(g: u32, j: u32, ka0: vec2<f32>, kb0: vec2<f32>) {
  var ka = ka0;
  var kb = kb0;
  let L = p.L;
  if (j == 0u || 2u * j == L) {
    // DFT values of a real sequence at j = 0 and j = L/2 are real: drop round-off.
    ka.y = 0.0;
    kb.y = 0.0;
  }
  let row = g * L;
  Z[row + j] = vec2<f32>(ka.x - kb.y, ka.y + kb.x);
  if (j > 0u && j < L - j) {
    Z[row + L - j] = vec2<f32>(ka.x + kb.y, kb.x - ka.y);
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let id = gid.x + gid.y * p.gridX;
  let hp = (p.half + 1u) / 2u; // node pairs
  let g = id / hp;
  let j0 = (id % hp) * 2u;
  if (g >= p.G) {
    return;
  }
  let j1 = min(j0 + 1u, p.half - 1u); // duplicate of j0 when half is odd: stored once
  let ha = 2u * g;
  let hb = min(ha + 1u, p.H - 1u); // a lone last row is computed twice and its copy dropped
  let twoB = hb != ha;
  let cs0 = sc[j0];
  let cs1 = sc[j1];
  let a0 = 0.5 * cs0.y; // −Re(λ) c, Re λ = −½ for every NPLR eigenvalue of LegS
  let a1 = 0.5 * cs1.y;
  let aa0 = a0 * a0;
  let aa1 = a1 * a1;
  let ia = 2.0 / dt[ha]; // τ = (2/Δ) s
  let ib = 2.0 / dt[hb];
  let tA0 = ia * cs0.x;
  let tB0 = ib * cs0.x;
  let tA1 = ia * cs1.x;
  let tB1 = ib * cs1.x;
  let z = vec2<f32>(0.0);
  var A0 = Acc(z, z, z, z);
  var B0 = Acc(z, z, z, z);
  var A1 = Acc(z, z, z, z);
  var B1 = Acc(z, z, z, z);
  let wa = ha * p.nh;
  let wb = hb * p.nh;
  for (var i = 0u; i < p.pairs; i++) {
    let e = eig[i];
    let qa = W[wa + i];
    let qb = W[wb + i];
    let oc0 = e.x * cs0.y;
    let oc1 = e.x * cs1.y;
    A0 = addPair(A0, qa, e.yz, e.w, tA0, oc0, a0, aa0);
    B0 = addPair(B0, qb, e.yz, e.w, tB0, oc0, a0, aa0);
    A1 = addPair(A1, qa, e.yz, e.w, tA1, oc1, a1, aa1);
    B1 = addPair(B1, qb, e.yz, e.w, tB1, oc1, a1, aa1);
  }
  if (p.pairs < p.nh) {
    let i = p.pairs;
    let e = eig[i];
    let qa = W[wa + i];
    let qb = W[wb + i];
    A0 = addSingle(A0, qa, e.yz, e.w, tA0, a0, aa0);
    B0 = addSingle(B0, qb, e.yz, e.w, tB0, a0, aa0);
    A1 = addSingle(A1, qa, e.yz, e.w, tA1, a1, aa1);
    B1 = addSingle(B1, qb, e.yz, e.w, tB1, a1, aa1);
  }
  var kb0 = vec2<f32>(0.0);
  var kb1 = vec2<f32>(0.0);
  if (twoB) {
    kb0 = woodbury(B0.k00, B0.k01, B0.k10, B0.k11, cs0.y, cs0.x);
    kb1 = woodbury(B1.k00, B1.k01, B1.k10, B1.k11, cs1.y, cs1.x);
  }
  store(g, j0, woodbury(A0.k00, A0.k01, A0.k10, A0.k11, cs0.y, cs0.x), kb0);
  if (j1 != j0) {
    store(g, j1, woodbury(A1.k00, A1.k01, A1.k10, A1.k11, cs1.y, cs1.x), kb1);
  }
}
