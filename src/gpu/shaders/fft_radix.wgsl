// One Stockham radix-R pass over global memory, no workgroup memory and no barriers
// (src/gpu/fft.ts, the 'global' strategy). With n = 2^logn per row and p = 2^logp the length
// already transformed, butterfly i (< n/R) of a row reads x[i + r·n/R]·w^{r·k}, k = i mod p,
// w = e^{σ2πi/(Rp)} (σ = −1 forward), takes an R-point DFT and writes y[(i − k)·R + k + s·p].
// After passes whose radices multiply to n the rows are transformed in natural order.
// Twiddles come from the host float64 table of fft_stockham.wgsl (k < n/2, symmetric above).
//
// No per-call parameters: the values to do are extent() (fft_store_*.wgsl: the smaller buffer's
// length), and fft.ts always involves a scratch buffer of exactly batch·n values. The last pass
// (p = n/R) reads and writes the same addresses i + r·n/R, so it may run in place
// (fft_store_inplace.wgsl); fft.ts uses that to end an even number of passes in the scratch.

override WG: u32 = 64u;
override LOGR: u32 = 4u; // radix 2^LOGR, 1 ≤ LOGR ≤ 4

struct Pass {
  logn: u32,
  logp: u32,
  sign: f32, // σ
  scale: f32, // 1, or 1/n on the last inverse pass
}

// Bindings 0–3 (data, twiddles, pass, base workgroup); `store` and `extent` come from
// fft_store_*.wgsl.
@group(0) @binding(0) var<storage, read_write> src: array<vec2f>;
@group(0) @binding(1) var<storage, read> tw: array<vec2f>;
@group(0) @binding(2) var<storage, read> cfg: Pass;
@group(0) @binding(3) var<storage, read> base: array<u32>; // first workgroup of this dispatch

fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

// e^{σ·2πi·idx/n}
fn twiddle(idx: u32) -> vec2f {
  let half = 1u << (cfg.logn - 1u);
  let i = idx & ((half << 1u) - 1u);
  var w = tw[i & (half - 1u)];
  if (i >= half) {
    w = -w;
  }
  return vec2f(w.x, cfg.sign * w.y);
}

// σ·i·x
fn rot(x: vec2f) -> vec2f {
  return cfg.sign * vec2f(-x.y, x.x);
}

// e^{σ2πi·e/16}·x for the constant exponents of the 4×4 and 2×4 splits
fn w16(x: vec2f, e: u32) -> vec2f {
  let c1 = 0.92387953251128674;
  let s1 = 0.38268343236508978;
  let h = 0.70710678118654752;
  var w: vec2f;
  switch e {
    case 1u: { w = vec2f(c1, s1); }
    case 2u: { w = vec2f(h, h); }
    case 3u: { w = vec2f(s1, c1); }
    case 4u: { return rot(x); }
    case 6u: { w = vec2f(-h, h); }
    case 9u: { w = vec2f(-c1, -s1); }
    default: { return x; }
  }
  return cmul(x, vec2f(w.x, cfg.sign * w.y));
}

// In-place 4-point DFT of v[o], v[o + d], v[o + 2d], v[o + 3d], natural order.
fn dft4(v: ptr<function, array<vec2f, 16>>, o: u32, d: u32) {
  let u0 = (*v)[o];
  let u1 = (*v)[o + d];
  let u2 = (*v)[o + 2u * d];
  let u3 = (*v)[o + 3u * d];
  let a0 = u0 + u2;
  let a1 = u0 - u2;
  let a2 = u1 + u3;
  let a3 = rot(u1 - u3);
  (*v)[o] = a0 + a2;
  (*v)[o + d] = a1 + a3;
  (*v)[o + 2u * d] = a0 - a2;
  (*v)[o + 3u * d] = a1 - a3;
}

// Input r of butterfly i: x[b + r·n/R]·w^{r·k} (w^{r·k} = e^{σ2πi·r·k/(Rp)}, read from the table).
fn load(b: u32, r: u32, k: u32, logq: u32, twShift: u32) -> vec2f {
  let x = src[b + (r << logq)];
  if (r == 0u || k == 0u) {
    return x;
  }
  return cmul(x, twiddle((r * k) << twShift));
}

// 8-point DFT of v[0..8), natural order (2×4: u_{a+2b} → DFT4 over b, ω8^{ac}, DFT2 over a).
fn dft8(v: ptr<function, array<vec2f, 16>>) {
  dft4(v, 0u, 2u);
  dft4(v, 1u, 2u);
  let y0 = (*v)[1];
  let y1 = w16((*v)[3], 2u);
  let y2 = w16((*v)[5], 4u);
  let y3 = w16((*v)[7], 6u);
  let x0 = (*v)[0];
  let x1 = (*v)[2];
  let x2 = (*v)[4];
  let x3 = (*v)[6];
  (*v)[0] = x0 + y0;
  (*v)[4] = x0 - y0;
  (*v)[1] = x1 + y1;
  (*v)[5] = x1 - y1;
  (*v)[2] = x2 + y2;
  (*v)[6] = x2 - y2;
  (*v)[3] = x3 + y3;
  (*v)[7] = x3 - y3;
}

// 16-point DFT of v, natural order (4×4: u_{a+4b} → DFT4 over b, ω16^{ac}, DFT4 over a,
// then the 4×4 transpose that puts X_{c+4d} from slot 4c + d into slot c + 4d).
fn dft16(v: ptr<function, array<vec2f, 16>>) {
  dft4(v, 0u, 4u);
  dft4(v, 1u, 4u);
  dft4(v, 2u, 4u);
  dft4(v, 3u, 4u);
  (*v)[5] = w16((*v)[5], 1u);
  (*v)[6] = w16((*v)[6], 2u);
  (*v)[7] = w16((*v)[7], 3u);
  (*v)[9] = w16((*v)[9], 2u);
  (*v)[10] = w16((*v)[10], 4u);
  (*v)[11] = w16((*v)[11], 6u);
  (*v)[13] = w16((*v)[13], 3u);
  (*v)[14] = w16((*v)[14], 6u);
  (*v)[15] = w16((*v)[15], 9u);
  dft4(v, 0u, 1u);
  dft4(v, 4u, 1u);
  dft4(v, 8u, 1u);
  dft4(v, 12u, 1u);
  var t: vec2f;
  t = (*v)[1]; (*v)[1] = (*v)[4]; (*v)[4] = t;
  t = (*v)[2]; (*v)[2] = (*v)[8]; (*v)[8] = t;
  t = (*v)[3]; (*v)[3] = (*v)[12]; (*v)[12] = t;
  t = (*v)[6]; (*v)[6] = (*v)[9]; (*v)[9] = t;
  t = (*v)[7]; (*v)[7] = (*v)[13]; (*v)[13] = t;
  t = (*v)[11]; (*v)[11] = (*v)[14]; (*v)[14] = t;
}

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let id = (base[0] + wid.x) * WG + lid;
  if (id >= extent() >> LOGR) {
    return;
  }
  let logn = cfg.logn;
  let logp = cfg.logp;
  let logq = logn - LOGR; // log2(n/R): butterflies per row
  let row = id >> logq;
  let i = id & ((1u << logq) - 1u);
  let k = i & ((1u << logp) - 1u);
  let b = (row << logn) + i;
  let j0 = (row << logn) + ((i - k) << LOGR) + k;
  let twShift = logn - LOGR - logp;
  // written out per radix (LOGR is a pipeline constant): constant indices keep v in registers,
  // which on SwiftShader makes a pass ≈ 1.5× faster than loops over r
  var v: array<vec2f, 16>;
  if (LOGR == 4u) {
    v[0] = load(b, 0u, k, logq, twShift);
    v[1] = load(b, 1u, k, logq, twShift);
    v[2] = load(b, 2u, k, logq, twShift);
    v[3] = load(b, 3u, k, logq, twShift);
    v[4] = load(b, 4u, k, logq, twShift);
    v[5] = load(b, 5u, k, logq, twShift);
    v[6] = load(b, 6u, k, logq, twShift);
    v[7] = load(b, 7u, k, logq, twShift);
    v[8] = load(b, 8u, k, logq, twShift);
    v[9] = load(b, 9u, k, logq, twShift);
    v[10] = load(b, 10u, k, logq, twShift);
    v[11] = load(b, 11u, k, logq, twShift);
    v[12] = load(b, 12u, k, logq, twShift);
    v[13] = load(b, 13u, k, logq, twShift);
    v[14] = load(b, 14u, k, logq, twShift);
    v[15] = load(b, 15u, k, logq, twShift);
    dft16(&v);
    store(j0 + (0u << logp), v[0] * cfg.scale);
    store(j0 + (1u << logp), v[1] * cfg.scale);
    store(j0 + (2u << logp), v[2] * cfg.scale);
    store(j0 + (3u << logp), v[3] * cfg.scale);
    store(j0 + (4u << logp), v[4] * cfg.scale);
    store(j0 + (5u << logp), v[5] * cfg.scale);
    store(j0 + (6u << logp), v[6] * cfg.scale);
    store(j0 + (7u << logp), v[7] * cfg.scale);
    store(j0 + (8u << logp), v[8] * cfg.scale);
    store(j0 + (9u << logp), v[9] * cfg.scale);
    store(j0 + (10u << logp), v[10] * cfg.scale);
    store(j0 + (11u << logp), v[11] * cfg.scale);
    store(j0 + (12u << logp), v[12] * cfg.scale);
    store(j0 + (13u << logp), v[13] * cfg.scale);
    store(j0 + (14u << logp), v[14] * cfg.scale);
    store(j0 + (15u << logp), v[15] * cfg.scale);
  } else if (LOGR == 3u) {
    v[0] = load(b, 0u, k, logq, twShift);
    v[1] = load(b, 1u, k, logq, twShift);
    v[2] = load(b, 2u, k, logq, twShift);
    v[3] = load(b, 3u, k, logq, twShift);
    v[4] = load(b, 4u, k, logq, twShift);
    v[5] = load(b, 5u, k, logq, twShift);
    v[6] = load(b, 6u, k, logq, twShift);
    v[7] = load(b, 7u, k, logq, twShift);
    dft8(&v);
    store(j0 + (0u << logp), v[0] * cfg.scale);
    store(j0 + (1u << logp), v[1] * cfg.scale);
    store(j0 + (2u << logp), v[2] * cfg.scale);
    store(j0 + (3u << logp), v[3] * cfg.scale);
    store(j0 + (4u << logp), v[4] * cfg.scale);
    store(j0 + (5u << logp), v[5] * cfg.scale);
    store(j0 + (6u << logp), v[6] * cfg.scale);
    store(j0 + (7u << logp), v[7] * cfg.scale);
  } else if (LOGR == 2u) {
    v[0] = load(b, 0u, k, logq, twShift);
    v[1] = load(b, 1u, k, logq, twShift);
    v[2] = load(b, 2u, k, logq, twShift);
    v[3] = load(b, 3u, k, logq, twShift);
    dft4(&v, 0u, 1u);
    store(j0 + (0u << logp), v[0] * cfg.scale);
    store(j0 + (1u << logp), v[1] * cfg.scale);
    store(j0 + (2u << logp), v[2] * cfg.scale);
    store(j0 + (3u << logp), v[3] * cfg.scale);
  } else {
    v[0] = load(b, 0u, k, logq, twShift);
    v[1] = load(b, 1u, k, logq, twShift);
    let a = v[0];
    v[0] = a + v[1];
    v[1] = a - v[1];
    store(j0 + (0u << logp), v[0] * cfg.scale);
    store(j0 + (1u << logp), v[1] * cfg.scale);
  }
}
