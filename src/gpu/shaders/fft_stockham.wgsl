// Stockham autosort FFT of pow2 sub-transforms held in workgroup memory (src/gpu/fft.ts).
//
// A workgroup owns one tile of TILE complex values: G = TILE / m independent sub-transforms of
// length m = 2^LOGM. Sub-transform q (= tile·G + g) belongs to row q >> logPerRow; within the
// row, q' = q & (perRow − 1). Input element j is read at row position pos = q'·inQ + j·inJ
// (row·inPitch + pos; positions ≥ inLimit read as zero: implicit zero padding), optionally
// times w_n^{q'·j} (`pre`); output element k goes to position q'·outQ + k·outK (row·outPitch +
// pos, only if pos < outLimit), optionally times w_n^{q'·k} (`post`) and by `scale`. This covers
//   whole rows (n ≤ TILE):     inQ = outQ = n, inJ = outK = 1, one dispatch;
//   four-step columns:         length N1 over stride N2 (inQ = outQ = 1, inJ = outK = N2);
//   four-step rows:            length N2, contiguous (inQ = N2, inJ = 1), contiguous out (the
//                              spectrum in four-step order) or transposed (outK = N1);
//   strided rows:              length N2 gathered at stride N1 (inQ = 1, inJ = N1).
// How a value is loaded (`load`, with the partner value at −k for the spectrum products of
// conv.ts and rtf.ts) and stored (`store`) comes from a snippet fft.ts appends (stockhamCode).
//
// Passes, with p the length already transformed: butterfly i (< m/R), k = i mod p, inputs
// x[i + r·m/R]·w^{r·k} (w = e^{σ2πi/(Rp)}, σ = −1 forward), an R-point DFT, outputs to
// (i − k)·R + k + s·p. Every thread (WG = TILE/16) holds 16 values: the first pass has radix
// R0 = 2^LOGR0 ∈ {2, 4, 8, 16} (16/R0 butterflies per thread, no twiddles since p = 1), every
// later pass radix 16 (one butterfly, a 4×4 split with constant inner twiddles). A 4096-point
// tile takes 3 passes and 3 barriers. The first pass reads global memory, the last writes it;
// values stay in registers across the barrier between reading and overwriting the one
// workgroup array. Workgroup slots are swizzled (slot ^ ((slot >> 4) & 15), a permutation
// inside each block of 16) so that the stride-16 and stride-4 accesses of the early passes
// spread over all banks. LOGM and LOGR0 are pipeline constants and every access to the register
// array is written out with a constant index, so the array stays in registers.
// Twiddles come from a host-computed float64 table rounded once to f32 (never sin/cos in f32):
// tw[k] = (cos 2πk/N, sin 2πk/N), k < N/2; entries ≥ N/2 use w^{k} = −w^{k−N/2}.

override WG: u32 = 256u; // invocations per workgroup: max(1, TILE / 16)
override TILE: u32 = 4096u; // complex values per workgroup, a power of two (< 16: tiny inputs)
override LOGM: u32 = 12u; // log2 of the sub-transform length m (≤ log2 TILE)
override TWID: u32 = 1u; // stage twiddles: 1 from two loads and products, 0 one load each

// The plan of this dispatch: pipeline constants (fft.ts: FftPass), so that all index arithmetic
// folds into constants and shifts.
override LOG_TABLE: u32 = 12u; // log2 N of the twiddle table (the transform length n)
override LOG_PER_ROW: u32 = 0u;
override IN_PITCH: u32 = 4096u;
override IN_Q: u32 = 4096u;
override IN_J: u32 = 1u;
override IN_LIMIT: u32 = 4096u;
override OUT_PITCH: u32 = 4096u;
override OUT_Q: u32 = 4096u;
override OUT_K: u32 = 1u;
override OUT_LIMIT: u32 = 4096u;
override PRE: bool = false; // multiply input j of sub-transform q' by w_n^{q'·j}
override POST: bool = false; // multiply output k of sub-transform q' by w_n^{q'·k}
override COL_MAJOR: bool = false; // consecutive threads take consecutive sub-transforms
override SIGN: f32 = -1.0; // σ: −1 forward, +1 inverse
override SCALE: f32 = 1.0;

// Bindings 0–2; `load(row, base, pos, q', j)` and `store(row, pos, value)` come from the snippet
// fft.ts appends (back into src, or into a second buffer at binding 3, and per-row tables at
// bindings 4, 5): WebGPU forbids binding one buffer twice as writable storage.
@group(0) @binding(0) var<storage, read_write> src: array<vec2f>;
@group(0) @binding(1) var<storage, read> tw: array<vec2f>;
@group(0) @binding(2) var<storage, read> base: array<u32>; // first tile of this dispatch

override LOGR0: u32 = select(4u, LOGM & 3u, (LOGM & 3u) != 0u); // radix bits of pass 0
override NPASS: u32 = 1u + (LOGM - LOGR0) / 4u;

var<workgroup> s: array<vec2f, TILE>;

// cmul, rot, w16, dft2, dft4, dft8, dft16: shaders/fft_butterfly.wgsl (appended by fft.ts)

// e^{σ·2πi·idx/N}
fn twiddle(idx: u32) -> vec2f {
  let half = 1u << (LOG_TABLE - 1u);
  let i = idx & ((half << 1u) - 1u);
  var w = tw[i & (half - 1u)];
  if (i >= half) {
    w = -w;
  }
  return vec2f(w.x, SIGN * w.y);
}

fn logG() -> u32 {
  return countTrailingZeros(TILE) - LOGM;
}

// workgroup-array slot of element j of sub-transform g
fn sidx(g: u32, j: u32) -> u32 {
  var slot = (g << LOGM) + j;
  if (COL_MAJOR) {
    slot = (j << logG()) + g;
  }
  return slot ^ ((slot >> 4u) & 15u);
}

// (g, i) of butterfly b of a radix-2^logR pass: consecutive b take consecutive sub-transforms in
// column mode (coalesced global access there), consecutive i otherwise
fn butterfly(b: u32, logR: u32) -> vec2u {
  if (COL_MAJOR) {
    return vec2u(b & ((1u << logG()) - 1u), b >> logG());
  }
  let logmR = max(LOGM, logR) - logR; // max: LOGM < 4 leaves the radix-16 code dead but compiled
  return vec2u(b >> logmR, b & ((1u << logmR) - 1u));
}

// pass 0, slot e = t·R0 + r: input r of the thread's butterfly t, from global memory
fn loadFirst(lid: u32, q0: u32, e: u32) -> vec2f {
  let b = lid + (e >> LOGR0) * WG;
  if (b >= (TILE >> LOGR0)) {
    return vec2f(0.0); // tiles under 16 values: this butterfly does not exist
  }
  let gi = butterfly(b, LOGR0);
  let j = gi.y + ((e & ((1u << LOGR0) - 1u)) << (LOGM - LOGR0));
  return fetch(q0 + gi.x, j);
}

// pass 0 output in slot e = t·R0 + s (p = 1, so k = 0 and the output index is i·R0 + s): to
// global memory when it is the only pass, else to workgroup memory
fn putFirst(lid: u32, q0: u32, e: u32, x: vec2f) {
  let b = lid + (e >> LOGR0) * WG;
  if (b >= (TILE >> LOGR0)) {
    return;
  }
  let gi = butterfly(b, LOGR0);
  let j = (gi.y << LOGR0) + (e & ((1u << LOGR0) - 1u));
  if (NPASS == 1u) {
    emit(q0 + gi.x, j, x, POST);
  } else {
    s[sidx(gi.x, j)] = x;
  }
}

// radix-16 pass with p = 2^logp: input r of this thread's butterfly, from workgroup memory,
// times the stage twiddle w^{r·k} when TWID = 0 (one table load per input)
fn load16(gi: vec2u, r: u32, logp: u32) -> vec2f {
  let k = gi.y & ((1u << logp) - 1u);
  let x = s[sidx(gi.x, gi.y + (r << (max(LOGM, 4u) - 4u)))];
  if (TWID == 1u || r == 0u || k == 0u) {
    return x;
  }
  return cmul(x, twiddle((r * k) << (LOG_TABLE - 4u - logp)));
}

// TWID = 1: the stage twiddles w^{r·k}, r = a + 4b, from two table loads (w^k, w^{4k}) and
// complex products (w^{2k}, w^{3k}, w^{8k}, w^{12k}, then w^{ak}·w^{4bk}): at most four
// roundings deep, against 15 loads whose addresses differ per lane (one cache line each)
fn twiddle16(v: ptr<function, array<vec2f, 16>>, gi: vec2u, logp: u32) {
  let k = gi.y & ((1u << logp) - 1u);
  tw16(v, k << (LOG_TABLE - 4u - logp));
}

// radix-16 pass output o (slot o): to workgroup memory, or to global memory in the last pass
fn put16(q0: u32, gi: vec2u, o: u32, x: vec2f, logp: u32, last: bool) {
  let k = gi.y & ((1u << logp) - 1u);
  let j = ((gi.y - k) << 4u) + k + (o << logp);
  if (last) {
    emit(q0 + gi.x, j, x, false); // the four-step twiddle came from postTwiddle16
  } else {
    s[sidx(gi.x, j)] = x;
  }
}

// POST in the last radix-16 pass: output o of the butterfly goes to j = k + o·p (p = m/16,
// k = i), so w_n^{q'·j} = w_n^{q'·k} · (w_n^{q'·p})^o: three table loads (w^{q'k}, s = w^{q'p},
// s⁴) and products as in twiddle16, instead of 16 loads whose addresses differ per lane
fn postTwiddle16(v: ptr<function, array<vec2f, 16>>, q: u32, k: u32, logp: u32) {
  let qq = q & ((1u << LOG_PER_ROW) - 1u);
  let b = twiddle(qq * k);
  let s1 = twiddle(qq << logp);
  let s4 = twiddle(qq << (logp + 2u));
  let b1 = cmul(b, s1);
  let b2 = cmul(b1, s1);
  let b3 = cmul(b2, s1);
  let s8 = cmul(s4, s4);
  let s12 = cmul(s8, s4);
  (*v)[0] = cmul((*v)[0], b);
  (*v)[1] = cmul((*v)[1], b1);
  (*v)[2] = cmul((*v)[2], b2);
  (*v)[3] = cmul((*v)[3], b3);
  (*v)[4] = cmul((*v)[4], cmul(b, s4));
  (*v)[5] = cmul((*v)[5], cmul(b1, s4));
  (*v)[6] = cmul((*v)[6], cmul(b2, s4));
  (*v)[7] = cmul((*v)[7], cmul(b3, s4));
  (*v)[8] = cmul((*v)[8], cmul(b, s8));
  (*v)[9] = cmul((*v)[9], cmul(b1, s8));
  (*v)[10] = cmul((*v)[10], cmul(b2, s8));
  (*v)[11] = cmul((*v)[11], cmul(b3, s8));
  (*v)[12] = cmul((*v)[12], cmul(b, s12));
  (*v)[13] = cmul((*v)[13], cmul(b1, s12));
  (*v)[14] = cmul((*v)[14], cmul(b2, s12));
  (*v)[15] = cmul((*v)[15], cmul(b3, s12));
}

// input element j of sub-transform q: zero beyond inLimit, optional four-step twiddle
fn fetch(q: u32, j: u32) -> vec2f {
  let row = q >> LOG_PER_ROW;
  let qq = q & ((1u << LOG_PER_ROW) - 1u);
  let pos = qq * IN_Q + j * IN_J;
  var x = vec2f(0.0);
  if (pos < IN_LIMIT) {
    x = load(row, row * IN_PITCH, pos, qq, j);
    if (PRE) {
      x = cmul(x, twiddle(qq * j));
    }
  }
  return x;
}

// position of the partner −k of row position qq·m + j when a row holds a spectrum in
// four-step order (position k1·N2 + k2 holds X[k1 + N1·k2], N1 = perRow, N2 = m): −k is
// (0, −k2 mod N2) for k1 = 0, else (N1 − k1, N2 − 1 − k2). One dispatch (perRow = 1): n − j.
fn partner(qq: u32, j: u32) -> u32 {
  let m = 1u << LOGM;
  if (qq == 0u) {
    return (m - j) & (m - 1u);
  }
  return (((1u << LOG_PER_ROW) - qq) << LOGM) + (m - 1u - j);
}

// the final write: scale, optional four-step twiddle, only positions below outLimit
fn emit(q: u32, j: u32, x: vec2f, post: bool) {
  var y = x * SCALE;
  let row = q >> LOG_PER_ROW;
  let qq = q & ((1u << LOG_PER_ROW) - 1u);
  if (post) {
    y = cmul(y, twiddle(qq * j));
  }
  let pos = qq * OUT_Q + j * OUT_K;
  if (pos < OUT_LIMIT) {
    store(row, pos, y);
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let q0 = (base[0] + wid.x) << logG();
  var v: array<vec2f, 16>;
  // pass 0: radix R0, 16/R0 butterflies per thread, global memory → registers
  v[0] = loadFirst(lid, q0, 0u);
  v[1] = loadFirst(lid, q0, 1u);
  v[2] = loadFirst(lid, q0, 2u);
  v[3] = loadFirst(lid, q0, 3u);
  v[4] = loadFirst(lid, q0, 4u);
  v[5] = loadFirst(lid, q0, 5u);
  v[6] = loadFirst(lid, q0, 6u);
  v[7] = loadFirst(lid, q0, 7u);
  v[8] = loadFirst(lid, q0, 8u);
  v[9] = loadFirst(lid, q0, 9u);
  v[10] = loadFirst(lid, q0, 10u);
  v[11] = loadFirst(lid, q0, 11u);
  v[12] = loadFirst(lid, q0, 12u);
  v[13] = loadFirst(lid, q0, 13u);
  v[14] = loadFirst(lid, q0, 14u);
  v[15] = loadFirst(lid, q0, 15u);
  switch LOGR0 {
    case 1u: {
      dft2(&v, 0u);
      dft2(&v, 2u);
      dft2(&v, 4u);
      dft2(&v, 6u);
      dft2(&v, 8u);
      dft2(&v, 10u);
      dft2(&v, 12u);
      dft2(&v, 14u);
    }
    case 2u: {
      dft4(&v, 0u, 1u);
      dft4(&v, 4u, 1u);
      dft4(&v, 8u, 1u);
      dft4(&v, 12u, 1u);
    }
    case 3u: {
      dft8(&v, 0u);
      dft8(&v, 8u);
    }
    default: {
      dft16(&v);
    }
  }
  if (NPASS == 1u) {
    // a single pass reads and writes global memory: all reads before any write (in place)
    storageBarrier();
    workgroupBarrier();
  }
  putFirst(lid, q0, 0u, v[0]);
  putFirst(lid, q0, 1u, v[1]);
  putFirst(lid, q0, 2u, v[2]);
  putFirst(lid, q0, 3u, v[3]);
  putFirst(lid, q0, 4u, v[4]);
  putFirst(lid, q0, 5u, v[5]);
  putFirst(lid, q0, 6u, v[6]);
  putFirst(lid, q0, 7u, v[7]);
  putFirst(lid, q0, 8u, v[8]);
  putFirst(lid, q0, 9u, v[9]);
  putFirst(lid, q0, 10u, v[10]);
  putFirst(lid, q0, 11u, v[11]);
  putFirst(lid, q0, 12u, v[12]);
  putFirst(lid, q0, 13u, v[13]);
  putFirst(lid, q0, 14u, v[14]);
  putFirst(lid, q0, 15u, v[15]);
  if (NPASS == 1u) {
    return;
  }
  workgroupBarrier();
  // passes 1 … NPASS − 1: radix 16, one butterfly per thread (b = lid)
  let gi = butterfly(lid, 4u);
  var logp = LOGR0;
  for (var ps = 1u; ps < NPASS; ps++) {
    v[0] = load16(gi, 0u, logp);
    v[1] = load16(gi, 1u, logp);
    v[2] = load16(gi, 2u, logp);
    v[3] = load16(gi, 3u, logp);
    v[4] = load16(gi, 4u, logp);
    v[5] = load16(gi, 5u, logp);
    v[6] = load16(gi, 6u, logp);
    v[7] = load16(gi, 7u, logp);
    v[8] = load16(gi, 8u, logp);
    v[9] = load16(gi, 9u, logp);
    v[10] = load16(gi, 10u, logp);
    v[11] = load16(gi, 11u, logp);
    v[12] = load16(gi, 12u, logp);
    v[13] = load16(gi, 13u, logp);
    v[14] = load16(gi, 14u, logp);
    v[15] = load16(gi, 15u, logp);
    if (TWID == 1u) {
      twiddle16(&v, gi, logp);
    }
    dft16(&v);
    let last = ps + 1u == NPASS;
    if (!last) {
      workgroupBarrier(); // every read of s in this pass precedes any overwrite
    } else if (POST) {
      postTwiddle16(&v, q0 + gi.x, gi.y & ((1u << logp) - 1u), logp);
    }
    put16(q0, gi, 0u, v[0], logp, last);
    put16(q0, gi, 1u, v[1], logp, last);
    put16(q0, gi, 2u, v[2], logp, last);
    put16(q0, gi, 3u, v[3], logp, last);
    put16(q0, gi, 4u, v[4], logp, last);
    put16(q0, gi, 5u, v[5], logp, last);
    put16(q0, gi, 6u, v[6], logp, last);
    put16(q0, gi, 7u, v[7], logp, last);
    put16(q0, gi, 8u, v[8], logp, last);
    put16(q0, gi, 9u, v[9], logp, last);
    put16(q0, gi, 10u, v[10], logp, last);
    put16(q0, gi, 11u, v[11], logp, last);
    put16(q0, gi, 12u, v[12], logp, last);
    put16(q0, gi, 13u, v[13], logp, last);
    put16(q0, gi, 14u, v[14], logp, last);
    put16(q0, gi, 15u, v[15], logp, last);
    if (!last) {
      workgroupBarrier();
    }
    logp += 4u;
  }
}
