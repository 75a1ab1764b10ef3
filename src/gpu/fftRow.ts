/**
 * The one-dispatch, register-resident FFT of rows longer than the workgroup-memory tile
 * (src/gpu/fft.ts, 'workgroup' strategy): one workgroup of n/16 invocations per row, each
 * holding 16 complex values in registers (or n/32 holding 32: then each holds 2^j butterflies
 * of a pass, j on the top butterfly bits), so every row is read once and written once.
 *
 * Passes (Stockham autosort, as shaders/fft_stockham.wgsl): pass k with p = 16^k and radix R
 * takes butterfly i (< n/R), k' = i mod p, inputs x[i + r·n/R]·w^{r·k'} (w = e^{σ2πi/(Rp)}),
 * an R-point DFT, outputs to (i − k')·R + k' + s·p. Radix 16 for every pass but the last, which
 * has radix 2^(log2 n mod 4) (16/R butterflies per invocation) where log2 n is not a multiple
 * of 4. Pass 0 loads x[i + r·n/16] from global memory and the last pass stores y[i + s·n/R]:
 * both coalesced, in natural order, so the row can be transformed in place.
 *
 * Exchanges: between two passes the n values go through workgroup memory in 2^B rounds of
 * C = n/2^B values (8·C bytes: one vec2<f32> array, or re and im as two f32 arrays). Round c moves the positions whose
 * B "round bits" equal c. The round bits lie neither in the digit a butterfly of the writing
 * pass varies (s·p) nor in the one a butterfly of the reading pass varies (r·n/R), so every
 * invocation writes all 16 of its outputs in one round and reads all 16 of its next inputs in
 * one round. The invocation → butterfly maps of the passes (bit permutations of the
 * invocation index t, planned here) make those two rounds the same round, and put the round
 * bits on high bits of t (whole warps take part in a round or wait), the low bits of t on low
 * position bits (coalesced global access, few bank conflicts). A round is write → barrier →
 * read → barrier: 2^(B+1) barriers per exchange. Slots are the positions without their round
 * bits, XOR-swizzled (the bits above the bank bits folded into them by a per-exchange matrix
 * searched here) so that the lanes of one wavefront (32 for f32 slots, 16 for vec2 slots) hit
 * distinct banks when writing and when reading.
 *
 * Where the device has WGSL `subgroups` (RowOptions.shuffleLanes) and the last pass has radix
 * 2^Rb < 16, the last exchange skips workgroup memory: the writer's digit and the reader's
 * registers (its r digit and its j butterflies) share 4 − Rb position bits, so only Rb register
 * bits trade places with invocation bits 0 … Rb − 1, one xor-shuffle stage each (8 of the 16
 * values cross lanes per stage), with no barrier; the exchange before it keeps its rounds off
 * the lane bits. On an H200, 1024 × 16384: 0.130 ms against 0.144 with three exchanges through
 * workgroup memory (bench/h200-fft-row.json; without the row's global traffic 0.085 against
 * 0.089: after the last barrier each warp runs its last two passes and stores on its own).
 *
 * Several rows per workgroup (RowShaderOptions.rows, fft.ts FftTuning.rows): the workgroup
 * loops over rows wid.x, wid.x + G, … (G workgroups), so an invocation that has stored its
 * outputs loads the next row at once, and part of the next row is loaded while the current one
 * is transformed (RowShaderOptions.prefetch): around exchange 0, each invocation loads 2 of
 * its next 16 values and parks them in its own slots of the 16 KiB of workgroup memory beyond
 * the exchanges' 32 KiB (48 KiB on an H200), so that less of the row's load falls at the row's
 * start, where every multiprocessor loads at once. The slot and round maps of the exchanges are
 * emitted as masked shifts (linearShift) and twiddles read a full table (no branch). One H200
 * call (bench/h200-f6.json, 1024 × 16384): 0.1254 ms against 0.1290–0.1295 for one row per
 * workgroup; cuFFT 0.122 in the same call. Without the row's global traffic 0.081 against
 * 0.084: the multiprocessor's own work is most of the time, and the row's load at its start
 * (≈ 5 µs of the ≈ 16 µs per row and multiprocessor) is still not hidden. Tried there and
 * slower: more prefetch (4 or 6 values, the others in the exchanges' memory after the last
 * exchange: 0.1295, 0.1339), prefetch around the passes' arithmetic (0.1306–0.1385), an
 * exchange in 3 rounds of 3 × 2048 values in 48 KiB (RowOptions.wide: 0.146, 0.179), odd
 * workgroups started late by a spin (0.1234 at one spin length, 0.134–0.136 at others).
 *
 * The shader is generated per plan: every index is a constant offset XORed onto a per-thread
 * base (the maps are linear over GF(2)), every register index is a literal.
 */

/** Radix bits of each pass: radix 16 everywhere but a last pass of log2(n) mod 4 bits. */
function passBits(L: number): number[] {
  const bits: number[] = Array<number>(Math.floor(L / 4)).fill(4);
  if (L % 4 !== 0) bits.push(L % 4);
  return bits;
}

/** Index of the set bit of a power of two. */
export function bitOf(x: number): number {
  return 31 - Math.clz32(x);
}

/** One exchange between pass k and k + 1 (see the header). */
export interface RowExchange {
  /**
   * Position bits that pick the round (with `group` > 1: the class, `group` classes per round),
   * ascending.
   */
  roundBits: number[];
  /**
   * Classes per round: 1, or 3 for a wide exchange (RowOptions.wide: 2^|roundBits| classes,
   * three at a time in 3 × the class's values of workgroup memory).
   */
  group: number;
  /** Swizzle column (a 5-bit bank mask) per slot bit; 0 below bit 5. */
  swizzle: number[];
  /**
   * Through subgroup shuffles instead (no workgroup memory, no barriers): register bit b and
   * invocation bit b trade places for b < lanes; 0 for an exchange through workgroup memory.
   */
  lanes: number;
}

export interface RowPlan {
  n: number;
  L: number;
  /** Invocations per workgroup: n/values. */
  threads: number;
  /** Complex values each invocation holds: 16 or 32. */
  values: number;
  /** Workgroup memory as one vec2<f32> array (else separate f32 arrays for re and im). */
  vec2: boolean;
  /** Values per exchange round (the workgroup arrays hold C re and C im; a wide one 1.5 C). */
  chunk: number;
  /** Radix bits per pass. */
  bits: number[];
  /** Per pass, per bit of t: the butterfly bit it sets (i = Σ ((t >> b) & 1) << map[b]). */
  maps: number[][];
  exchanges: RowExchange[];
}

/** Variants of the generated pass (tuning; see fft.ts FftTuning). */
export interface RowOptions {
  /**
   * Lane bits of the smallest subgroup (log2 of subgroupMinSize) where WGSL `subgroups` may be
   * used, else 0. With 16 values per invocation and a last pass of radix 2^Rb < 16, Rb ≤ lanes,
   * the last exchange then goes through subgroup shuffles: its writer's registers (the digit
   * s·p) and its reader's (r·n/R and the j butterflies) share 4 − Rb position bits, and the
   * other Rb trade places with invocation bits 0 … Rb − 1 by Rb xor-shuffle stages (each moving
   * half of the 16 values one lane bit). This assumes subgroups of consecutive invocations.
   */
  shuffleLanes?: number;
  /**
   * Exchange (index k, through workgroup memory) taken in rounds of 3 classes of chunk/2 values
   * (one more class bit, on a warp bit of the invocation index): with chunk = 4096 and 8 classes,
   * 3 rounds of ≤ 6144 values (48 KiB) instead of 4 of 4096, so 6 barriers instead of 8.
   */
  wide?: number;
}

/** Diagnostics (bench/gpu-diag.ts): parts of the pass left out; the result is then wrong. */
export type RowOmit = 'global' | 'exchanges' | 'arithmetic';

/** Values of workgroup memory an exchange uses (0 for shuffles). */
export function exchangeValues(plan: RowPlan, ex: RowExchange): number {
  return ex.lanes > 0 ? 0 : ex.group << (plan.L - ex.roundBits.length);
}

/** Workgroup memory of a plan's exchanges, in bytes. */
export function rowPlanBytes(plan: RowPlan): number {
  return 8 * Math.max(plan.chunk, ...plan.exchanges.map((ex) => exchangeValues(plan, ex)));
}

/** Output position bit of butterfly bit x in radix-16 pass k: (i − k')·16 + k' → x or x + 4. */
export function outBit(k: number, x: number): number {
  return x < 4 * k ? x : x + 4;
}

/** GF(2) rank of 5-bit vectors. */
function rank(vs: number[], bits: number): number {
  const rows = [...vs];
  let r = 0;
  for (let bit = 0; bit < bits; bit++) {
    const p = rows.findIndex((v, i) => i >= r && ((v >> bit) & 1) === 1);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    for (let i = 0; i < rows.length; i++) {
      if (i !== r && ((rows[i]! >> bit) & 1) === 1) rows[i] = rows[i]! ^ rows[r]!;
    }
    r++;
  }
  return r;
}

/**
 * Swizzle columns for slot bits ≥ `bankBits` so that the lanes of one shared-memory wavefront
 * (each lane bit moves one slot bit: `write[b]`, `read[b]`) fall in distinct banks on both
 * sides: 2^bankBits banks of one slot (32 of 4 bytes for f32 slots, 16 of 8 bytes for vec2
 * slots, a half-warp per wavefront). 0 columns where no such choice is found (correct, with
 * bank conflicts).
 */
function searchSwizzle(
  slotBits: number,
  write: number[],
  read: number[],
  bankBits: number,
): number[] {
  const cols: number[] = Array<number>(slotBits).fill(0);
  const high = [...new Set([...write, ...read])].filter((b) => b >= bankBits).sort((a, b) => a - b);
  const bank = (b: number): number => (b < bankBits ? 1 << b : cols[b]!);
  let assigned = 0;
  const ok = (set: number[]): boolean => {
    const known = set.filter((b) => b < bankBits || high.indexOf(b) < assigned);
    return rank(known.map(bank), bankBits) === known.length;
  };
  const dfs = (h: number): boolean => {
    if (h === high.length) return true;
    for (let c = 1; c < 1 << bankBits; c++) {
      cols[high[h]!] = c;
      assigned = h + 1;
      if (ok(write) && ok(read) && dfs(h + 1)) return true;
    }
    cols[high[h]!] = 0;
    assigned = h;
    return false;
  };
  if (!dfs(0)) cols.fill(0);
  return cols;
}

/**
 * The plan for rows of n = 2^L (2^5 ≤ n) with exchange rounds of `chunk` values, or undefined
 * where the round bits do not fit (too small a chunk for n).
 */
export function rowPlan(
  n: number,
  chunk: number,
  values = 16,
  vec2 = false,
  opts: RowOptions = {},
): RowPlan | undefined {
  const L = bitOf(n);
  const v = bitOf(values);
  if (n !== 1 << L || L < v + 1 || chunk !== 2 ** bitOf(chunk) || (v !== 4 && v !== 5)) {
    return undefined;
  }
  const C = Math.min(chunk, n);
  const B = L - bitOf(C);
  const W = L - v;
  const bits = passBits(L);
  const P = bits.length;
  // the last exchange through subgroup shuffles (see RowOptions.shuffleLanes): A, its writer's
  // register positions that become invocation bits, are the reader's butterfly bits
  // L − Rb − 4 … L − 5, on invocation bits 0 … Rb − 1 in both passes
  const Rb = bits[P - 1]!;
  const sh = values === 16 && P >= 2 && Rb < 4 && Rb <= (opts.shuffleLanes ?? 0) ? P - 2 : -1;
  const laneBit = (b: number): number => L - Rb - 4 + b;
  // round bits of each exchange: the B highest position bits outside the digits a butterfly
  // varies (writer: s·p, reader: r·n/R), outside the butterflies an invocation holds (j) and
  // outside the lanes of a shuffle exchange that follows
  const roundBits: number[][] = [];
  for (let k = 0; k + 1 < P; k++) {
    const top = L - bits[k + 1]!;
    const cand: number[] = [];
    for (let b = top - 1; b >= 0; b--) {
      const writerJ = b >= 4 * k + 4 && b - 4 >= W; // i bit b − 4 of pass k is a j bit
      const readerJ = b >= W; // i bit b of pass k + 1 is a j bit
      const lane = k + 1 === sh && b >= laneBit(0) && b < laneBit(Rb); // a shuffle lane next
      if ((b < 4 * k || b >= 4 * k + 4) && !writerJ && !readerJ && !lane) cand.push(b);
    }
    if (k === sh) {
      roundBits.push([]);
      continue;
    }
    const Bk = k === opts.wide ? B + 1 : B;
    if (cand.length < Bk) return undefined;
    roundBits.push(cand.slice(0, Bk).sort((a, b) => a - b));
  }
  // invocation → butterfly maps
  const maps: number[][] = [];
  for (let k = 0; k < P; k++) {
    const iBits = L - bits[k]!; // bits of a butterfly index
    const jBits = v - bits[k]!; // butterflies per invocation: 2^jBits, on the top i bits
    if (k === sh + 1 && sh >= 0) {
      // after the shuffles: lanes hold A, every other invocation bit keeps its position
      const prev = maps[k - 1]!;
      maps.push(prev.map((ib, t) => (t < Rb ? laneBit(t) : outBit(k - 1, ib))));
      continue;
    }
    const pin = new Map<number, number>(); // i bit → t bit
    if (k === sh) {
      // writer lanes: the i bits whose outputs are the reader's r digit, L − Rb … L − 1
      for (let b = 0; b < Rb; b++) pin.set(laneBit(b), b);
    }
    if (k > 0) {
      const prev = maps[k - 1]!;
      for (const b of roundBits[k - 1]!) {
        const t = prev.indexOf(bitOfOut(k - 1, b));
        if ([...pin.values()].includes(t)) return undefined;
        pin.set(b, t);
      }
    }
    if (k + 1 < P && k !== sh) {
      const used = new Set(pin.values());
      for (const b of [...roundBits[k]!].reverse()) {
        const ib = b < 4 * k ? b : b - 4;
        if (pin.has(ib)) continue;
        let t = W - 1;
        while (used.has(t)) t--;
        pin.set(ib, t);
        used.add(t);
      }
    }
    const used = new Set(pin.values());
    const freeT = Array.from({ length: W }, (_, t) => t).filter((t) => !used.has(t));
    const map: number[] = Array<number>(W).fill(-1);
    for (const [ib, t] of pin) map[t] = ib;
    let next = 0;
    for (let ib = 0; ib < iBits - jBits; ib++) {
      if (pin.has(ib)) continue;
      map[freeT[next++]!] = ib;
    }
    maps.push(map);
  }
  // the writer's and the reader's round must agree (by construction; checked)
  const exchanges: RowExchange[] = roundBits.map((rb, k) => {
    if (k === sh) {
      for (let t = 0; t < W; t++) {
        const w = outBit(k, maps[k]![t]!);
        if (t < Rb ? w !== L - Rb + t : w !== maps[k + 1]![t]) {
          throw new Error(`fftRow: shuffle exchange ${k} misplaces bit ${t}`);
        }
      }
      return { roundBits: [], swizzle: [], lanes: Rb, group: 1 };
    }
    for (let t = 0; t < W; t++) {
      const w = outBit(k, maps[k]![t]!);
      const r = maps[k + 1]![t]!;
      if (rb.includes(w) !== rb.includes(r) || (rb.includes(w) && w !== r)) {
        throw new Error(`fftRow: rounds of exchange ${k} disagree at bit ${t}`);
      }
    }
    const compress = (pos: number): number => slotOf(rb, pos);
    const bankBits = vec2 ? 4 : 5;
    const lanes = Math.min(bankBits, W);
    const write = Array.from({ length: lanes }, (_, t) =>
      bitOf(compress(1 << outBit(k, maps[k]![t]!))),
    );
    const read = Array.from({ length: lanes }, (_, t) => bitOf(compress(1 << maps[k + 1]![t]!)));
    return {
      roundBits: rb,
      swizzle: searchSwizzle(L - rb.length, write, read, bankBits),
      lanes: 0,
      group: k === opts.wide ? 3 : 1,
    };
  });
  return {
    n,
    L,
    threads: 1 << W,
    values,
    vec2,
    chunk: C,
    bits,
    maps,
    exchanges,
  };

  function bitOfOut(k: number, b: number): number {
    return b < 4 * k ? b : b - 4;
  }
}

/** Slot of position `pos` (its round bits removed, the others packed), before the swizzle. */
function slotOf(roundBits: number[], pos: number): number {
  let slot = 0;
  let o = 0;
  for (let b = 0; b < 31; b++) {
    if (roundBits.includes(b)) continue;
    if ((pos >> b) & 1) slot |= 1 << o;
    o++;
  }
  return slot;
}

/** The round (packed round bits) of a position. */
export function roundOf(roundBits: number[], pos: number): number {
  return roundBits.reduce((c, b, o) => c | (((pos >> b) & 1) << o), 0);
}

export function swizzled(ex: RowExchange, pos: number): number {
  const slot = slotOf(ex.roundBits, pos);
  return ex.swizzle.reduce((s, col, b) => ((slot >> b) & 1 ? s ^ col : s), slot);
}

/** Output position of butterfly index i in radix-16 pass k: bits ≥ 4k move up by 4. */
export function outPosOf(k: number, i: number): number {
  const low = i & ((1 << (4 * k)) - 1);
  return low | ((i - low) << 4);
}

/** WGSL expression of the bit permutation t bit b → bit map[b], as shifted masked runs. */
export function permExpr(t: string, map: number[]): string {
  const terms: string[] = [];
  for (let b = 0; b < map.length;) {
    let e = b + 1;
    while (e < map.length && map[e] === map[e - 1]! + 1) e++;
    const mask = ((1 << (e - b)) - 1) << b;
    const shift = map[b]! - b;
    terms.push(
      shift >= 0 ? `((${t} & ${mask}u) << ${shift}u)` : `((${t} & ${mask}u) >> ${-shift}u)`,
    );
    b = e;
  }
  return terms.length === 0 ? '0u' : terms.join(' | ');
}

/** WGSL expression Σ_b ((t >> b) & 1)·col[b] (XOR), for a map linear over GF(2). */
export function linear(t: string, cols: number[]): string {
  const terms = cols
    .map((c, b) => (c === 0 ? '' : `select(0u, ${c}u, (${t} & ${1 << b}u) != 0u)`))
    .filter((s) => s !== '');
  return terms.length === 0 ? '0u' : terms.join(' ^ ');
}

/**
 * The same map as `linear` as shifted masked runs: the bits b of t whose column has bit b + d
 * set form one mask per shift d, and the terms ((t & mask) << d) (or >> −d) are XORed — one
 * AND, one shift and one XOR per distinct shift instead of a select per bit.
 */
export function linearShift(t: string, cols: number[]): string {
  const masks = new Map<number, number>();
  cols.forEach((c, b) => {
    for (let o = 0; o < 31; o++) {
      if ((c >> o) & 1) masks.set(o - b, (masks.get(o - b) ?? 0) | (1 << b));
    }
  });
  const terms = [...masks]
    .sort((x, y) => x[0] - y[0])
    .map(([d, m]) => (d >= 0 ? `((${t} & ${m}u) << ${d}u)` : `((${t} & ${m}u) >> ${-d}u)`));
  return terms.length === 0 ? '0u' : terms.join(' ^ ');
}

/**
 * WGSL of the row shaders' twiddles (this file's and convRow.ts's): `twiddle(idx)` =
 * e^{σ·2πi·idx/n} from the half table `tw` (cos, sin)(2πk/n), k < n/2, and `twSmall`, which
 * multiplies v[o + r] by w^r for r < R ∈ {2, 4, 8}. Needs `SIGN`, `tw` and `cmul`.
 */
export function rowTwiddles(n: number, full = false): string {
  const twiddle = full
    ? `// from the full table (cos, sin)(2πk/n), k < n
fn twiddle(idx: u32) -> vec2f {
  let w = tw[idx & ${n - 1}u];
  return vec2f(w.x, SIGN * w.y);
}`
    : `fn twiddle(idx: u32) -> vec2f {
  let i = idx & ${n - 1}u;
  var w = tw[i & ${n / 2 - 1}u];
  if (i >= ${n / 2}u) {
    w = -w;
  }
  return vec2f(w.x, SIGN * w.y);
}`;
  return `${twiddle}

// v[o + r] *= w^r for r < R ∈ {2, 4, 8}
fn twSmall(v: ptr<function, array<vec2f, 16>>, o: u32, idx: u32, R: u32) {
  let w1 = twiddle(idx);
  (*v)[o + 1u] = cmul((*v)[o + 1u], w1);
  if (R >= 4u) {
    let w2 = cmul(w1, w1);
    (*v)[o + 2u] = cmul((*v)[o + 2u], w2);
    (*v)[o + 3u] = cmul((*v)[o + 3u], cmul(w2, w1));
    if (R == 8u) {
      let w4 = twiddle(idx << 2u);
      (*v)[o + 4u] = cmul((*v)[o + 4u], w4);
      (*v)[o + 5u] = cmul((*v)[o + 5u], cmul(w4, w1));
      (*v)[o + 6u] = cmul((*v)[o + 6u], cmul(w4, w2));
      (*v)[o + 7u] = cmul((*v)[o + 7u], cmul(w4, cmul(w2, w1)));
    }
  }
}
`;
}

/** Register holding value e of an invocation (16 per array v0, v1). */
export function rowReg(e: number): string {
  return `v${e >> 4}[${e & 15}]`;
}

/** Where emitRowFft calls RowFftEmit.hook: around the arithmetic of pass k (k ≥ 1 for 'before'). */
export interface RowHookPoint {
  pass: number;
  stage: 'before' | 'after';
}

/** What emitRowFft needs from the shader it writes into. */
export interface RowFftEmit {
  /** Appends one line of WGSL. */
  line: (s: string) => void;
  /** Prefix of each pass's butterfly index (`${tag}${k}`, a WGSL `let`). */
  tag: string;
  /**
   * Emits the lines that fill pass 0's registers: register e = 16·j + r holds position
   * i0 | (j << W) | (r << (L − 4)) of the row (W = log2 threads), i0 the name of pass 0's
   * butterfly index.
   */
  load: (i0: string) => void;
  /** Diagnostics: parts left out (fftRow only; the result is then wrong). */
  omit?: readonly RowOmit[];
  /** Called before and after the arithmetic of each pass (extra work between the stages). */
  hook?: (at: RowHookPoint) => void;
  /** The exchanges' slot and round maps as shifted masks (linearShift), else selects (linear). */
  shiftLinear?: boolean;
}

/**
 * Emits the FFT of one row with the plan's passes and exchanges into the body of `main` (the
 * one emission of fftRow's and convRow's shaders): pass 0's loads (`e.load`), the butterflies,
 * the exchanges (workgroup memory `sx`, or `sre`/`sim` for split plans, or subgroup shuffles)
 * and the last pass's arithmetic; the result stays in registers (v0, v1: arrays of 16 vec2f the
 * caller declares). Needs `t` (the local invocation index), `twiddle`/`twSmall` (rowTwiddles),
 * `tw16`/`dft*` (shaders/fft_butterfly.wgsl) and `enable subgroups` where an exchange shuffles.
 * Returns the name of the last pass's butterfly index and, per digit d of an output position
 * i + d·2^W (i that index, d < values), the register holding it.
 */
export function emitRowFft(plan: RowPlan, e: RowFftEmit): { last: string; digitReg: string[] } {
  const { L, bits, maps, exchanges } = plan;
  const P = bits.length;
  const V = plan.values;
  const W = L - bitOf(V); // invocation bits; j (the invocation's butterflies) above
  const omit = e.omit ?? [];
  const noExchange = omit.includes('exchanges');
  const noMath = omit.includes('arithmetic');
  const { line } = e;
  const lin = e.shiftLinear ? linearShift : linear;
  const reg = rowReg;
  const bank = (x: number): string => `&v${x >> 4}`;
  const name = (k: number): string => `${e.tag}${k}`;
  const hook = (pass: number, stage: 'before' | 'after'): void => e.hook?.({ pass, stage });
  // pass 0: registers from e.load, butterfly j of the invocation: i0 | j << W
  line(`  let ${name(0)} = ${permExpr('t', maps[0]!)};`);
  e.load(name(0));
  if (!noMath) for (let j = 0; j < V / 16; j++) line(`  dft16(${bank(16 * j)});`);
  hook(0, 'after');
  // pass `next`: the twiddles of its butterflies, then the butterflies
  const pass = (next: number): void => {
    hook(next, 'before');
    if (!noMath) {
      const R = 1 << bits[next]!;
      for (let j = 0; j < V / R; j++) {
        const x = j * R;
        line(
          R === 16
            ? // j << W lies above the twiddle's k' = i mod p (W ≥ log p)
              `  tw16(${bank(x)}, (${name(next)} & ${(1 << (4 * next)) - 1}u) << ${L - 4 - 4 * next}u);`
            : `  twSmall(${bank(x)}, ${x & 15}u, ${name(next)} | ${j << W}u, ${R}u);`,
        );
      }
      for (let j = 0; j < V / R; j++) {
        const x = j * R;
        const o = x & 15;
        line(
          R === 16
            ? `  dft16(${bank(x)});`
            : R === 8
              ? `  dft8(${bank(x)}, ${o}u);`
              : R === 4
                ? `  dft4(${bank(x)}, ${o}u, 1u);`
                : `  dft2(${bank(x)}, ${o}u);`,
        );
      }
    }
    hook(next, 'after');
  };
  for (let k = 0; k + 1 < P; k++) {
    const ex = exchanges[k]!;
    const next = k + 1;
    const Rb = bits[next]!;
    const R = 1 << Rb;
    const classes = 1 << ex.roundBits.length;
    const rounds = Math.ceil(classes / ex.group);
    line(`  let ${name(next)} = ${permExpr('t', maps[next]!)};`);
    if (noExchange) {
      pass(next);
      continue;
    }
    if (ex.lanes > 0) {
      // register bit b ↔ invocation bit b: the lane whose bit b is h keeps the values whose
      // register bit b is h and trades the others with its partner (lane xor 2^b)
      line(`  // exchange ${k} → ${next}: subgroup shuffles over invocation bits < ${ex.lanes}`);
      for (let b = 0; b < ex.lanes; b++) {
        line('  {');
        line(`    let h = (t & ${1 << b}u) != 0u;`);
        for (let e0 = 0; e0 < V; e0++) {
          if ((e0 >> b) & 1) continue;
          const e1 = e0 | (1 << b);
          line(
            `    { let x = subgroupShuffleXor(select(${reg(e1)}, ${reg(e0)}, h), ${1 << b}u); ${reg(e0)} = select(${reg(e0)}, x, h); ${reg(e1)} = select(x, ${reg(e1)}, h); }`,
          );
        }
        line('  }');
      }
      pass(next);
      continue;
    }
    const wCols = maps[k]!.map((ib) => swizzled(ex, 1 << outBit(k, ib)));
    const rCols = maps[next]!.map((ib) => swizzled(ex, 1 << ib));
    const cCols = maps[k]!.map((ib) => roundOf(ex.roundBits, 1 << outBit(k, ib)));
    const slots = 1 << (L - ex.roundBits.length); // values per class
    line(`  // exchange ${k} → ${next}: ${rounds} round(s) of ${ex.group * slots} values`);
    line('  {');
    if (ex.group === 1) {
      line(`    let ws = ${lin('t', wCols)};`);
      line(`    let rs = ${lin('t', rCols)};`);
      line(`    let rnd = ${lin('t', cCols)};`);
    } else {
      // class cls in round cls / group, at (cls mod group)·slots
      line(`    let cls = ${lin('t', cCols)};`);
      line(`    let rnd = cls / ${ex.group}u;`);
      line(`    let at = (cls % ${ex.group}u) * ${slots}u;`);
      line(`    let ws = at | (${lin('t', wCols)});`);
      line(`    let rs = at | (${lin('t', rCols)});`);
    }
    line(`    for (var c = 0u; c < ${rounds}u; c++) {`);
    line('      if (rnd == c) {');
    for (let j = 0; j < V / 16; j++) {
      for (let q = 0; q < 16; q++) {
        const o = swizzled(ex, outPosOf(k, j << W) | (q << (4 * k)));
        if (plan.vec2) {
          line(`        sx[ws ^ ${o}u] = ${reg(16 * j + q)};`);
        } else {
          line(`        sre[ws ^ ${o}u] = ${reg(16 * j + q)}.x;`);
          line(`        sim[ws ^ ${o}u] = ${reg(16 * j + q)}.y;`);
        }
      }
    }
    line('      }');
    line('      workgroupBarrier();');
    line('      if (rnd == c) {');
    for (let j = 0; j < V / R; j++) {
      for (let r = 0; r < R; r++) {
        const o = swizzled(ex, (j << W) | (r << (L - Rb)));
        line(
          plan.vec2
            ? `        ${reg(j * R + r)} = sx[rs ^ ${o}u];`
            : `        ${reg(j * R + r)} = vec2f(sre[rs ^ ${o}u], sim[rs ^ ${o}u]);`,
        );
      }
    }
    line('      }');
    line('      workgroupBarrier();');
    line('    }');
    line('  }');
    pass(next);
  }
  // the last pass's output q of butterfly j sits at i | (j << W) | (q << (L − Rb))
  const Rb = bits[P - 1]!;
  const digitReg: string[] = Array<string>(V).fill('');
  for (let j = 0; j < V >> Rb; j++) {
    for (let q = 0; q < 1 << Rb; q++) {
      const off = (j << W) | (q << (L - Rb));
      digitReg[off >> W] = reg((j << Rb) + q);
    }
  }
  return { last: name(P - 1), digitReg };
}

/** Variants of rowShader (see fft.ts FftTuning.rows, .prefetch). */
export interface RowShaderOptions {
  /**
   * Rows per workgroup, K: the workgroup loops over rows wid.x, wid.x + G, … (G workgroups, K
   * rows each; binding 2 then holds the first row and the number of rows of the dispatch). 1:
   * one row per workgroup (binding 2: the first row).
   */
  rows?: number;
  /**
   * With rows > 1: values of the next row each invocation loads while it transforms the
   * current one and parks in workgroup memory (its own slots) until the next row's first pass:
   * the first ones during pass 1, in workgroup memory beyond the exchanges' (`memValues`), the
   * others during the pass after the last exchange through workgroup memory, in the exchanges'
   * memory (free until the next row's first exchange, behind one more barrier per row).
   */
  prefetch?: number;
  /**
   * When the prefetched values are loaded and parked: 'pass' — loaded before a pass's
   * arithmetic (pass 1; the pass after the last exchange through workgroup memory), parked
   * after it; 'exchange' — loaded before an exchange through workgroup memory (the first; the
   * last), parked after it (while the invocation waits at its barriers); 'spread' — as
   * 'exchange', the values parked beyond the exchanges' memory spread over all exchanges through
   * workgroup memory (value m around the (m mod count)-th).
   */
  prefetchAt?: 'pass' | 'exchange' | 'spread';
  /**
   * With rows > 1, diagnostics: odd workgroups first spin this many iterations of a dependent
   * fma chain in one warp (so that half of the multiprocessors run half a row behind the other
   * half and their loads and stores do not all fall together).
   */
  stagger?: number;
  /** Values (vec2f) of workgroup memory the shader may declare (the device's limit / 8). */
  memValues?: number;
  /** RowFftEmit.shiftLinear. */
  shiftLinear?: boolean;
  /** Binding 1 holds the full twiddle table of n ((cos, sin)(2πk/n), k < n), not its half. */
  fullTwiddles?: boolean;
}

/** How many values per invocation rowShader can prefetch during pass 1 and after the exchanges. */
export function prefetchCapacity(
  plan: RowPlan,
  memValues: number,
): { early: number; tail: number } {
  const used = rowPlanBytes(plan) / 8;
  const ok = plan.vec2 && plan.values === 16 && plan.bits.length >= 2;
  return {
    early: ok ? Math.floor(Math.max(0, memValues - used) / plan.threads) : 0,
    tail: ok ? Math.floor(used / plan.threads) : 0,
  };
}

/**
 * The WGSL of a plan: bindings (0 the rows, in place; 1 the twiddle table of n; 2 the first
 * row of this dispatch, and with `opts.rows` > 1 its number of rows), twiddle helpers and
 * `main`. fft.ts appends shaders/fft_butterfly.wgsl; pipeline constants SIGN (−1 forward, +1
 * inverse) and SCALE (applied on the final store). `omit` leaves parts out (diagnostics only:
 * the result is then wrong).
 */
export function rowShader(
  plan: RowPlan,
  omit: readonly RowOmit[] = [],
  opts: RowShaderOptions = {},
): string {
  const { n, L, bits, exchanges } = plan;
  const P = bits.length;
  const W = L - bitOf(plan.values); // invocation bits; j (the invocation's butterflies) above
  const T = plan.threads;
  const noGlobal = omit.includes('global');
  const noMath = omit.includes('arithmetic');
  const K = opts.rows ?? 1;
  const pf = K > 1 ? (opts.prefetch ?? 0) : 0;
  const used = rowPlanBytes(plan) / 8;
  const cap = prefetchCapacity(plan, opts.memValues ?? used);
  if (pf > cap.early + cap.tail || (pf > 0 && noGlobal)) {
    throw new RangeError(`rowShader: prefetch ${pf} above ${cap.early} + ${cap.tail}`);
  }
  const early = Math.min(pf, cap.early);
  const out: string[] = [];
  const line = (s: string): void => {
    out.push(s);
  };
  const shuffled = exchanges.some((ex) => ex.lanes > 0);
  if (shuffled) line('enable subgroups;');
  line(`// generated by src/gpu/fftRow.ts: one workgroup per row of ${n}, ${T} threads`);
  line('override SIGN: f32 = -1.0;');
  line('override SCALE: f32 = 1.0;');
  line('@group(0) @binding(0) var<storage, read_write> src: array<vec2f>;');
  line('@group(0) @binding(1) var<storage, read> tw: array<vec2f>;');
  line('@group(0) @binding(2) var<storage, read> base: array<u32>;');
  if (plan.vec2) {
    line(`var<workgroup> sx: array<vec2f, ${used + early * T}>;`);
  } else {
    line(`var<workgroup> sre: array<f32, ${used}>;`);
    line(`var<workgroup> sim: array<f32, ${used}>;`);
  }
  line(`
// e^{σ·2πi·idx/n} from the table (cos, sin)(2πk/n)
${rowTwiddles(n, opts.fullTwiddles)}`);
  const V = plan.values;
  const reg = rowReg;
  line(`@compute @workgroup_size(${T})`);
  if (K === 1) {
    line('fn main(@builtin(local_invocation_index) t: u32, @builtin(workgroup_id) wid: vec3u) {');
    line(`  let g = (base[0] + wid.x) * ${n}u;`);
  } else {
    line('fn main(@builtin(local_invocation_index) t: u32, @builtin(workgroup_id) wid: vec3u,');
    line('        @builtin(num_workgroups) nwg: vec3u) {');
  }
  if (noMath) line('  _ = tw[0]; // the binding stays in the layout');
  for (let b = 0; b < V / 16; b++) line(`  var v${b}: array<vec2f, 16>;`);
  if (K > 1 && (opts.stagger ?? 0) > 0) {
    line('  if ((wid.x & 1u) == 1u) {');
    line('    if (t < 32u) {');
    line('      var x = f32(t);');
    line(`      for (var s = 0u; s < ${opts.stagger}u; s++) {`);
    line('        x = fma(x, 0.999999, 0.5);');
    line('      }');
    line('      if (x < 0.0) {');
    line('        src[t] = vec2f(x); // never (x > 0): keeps the chain');
    line('      }');
    line('    }');
    line('    workgroupBarrier();');
    line('  }');
  }
  if (K > 1) {
    line(`  for (var q = 0u; q < ${K}u; q++) {`);
    line('  let rel = wid.x + q * nwg.x;');
    line('  if (rel >= base[1]) {');
    line('    break;');
    line('  }');
    line(`  let g = (base[0] + rel) * ${n}u;`);
    if (pf > 0) {
      line(`  let more = q + 1u < ${K}u && rel + nwg.x < base[1]; // this workgroup's next row`);
      line(`  let gn = g + nwg.x * ${n}u;`);
    }
  }
  // prefetched value m: register 16 − pf + m of the next row's first pass, slot m·T + t of the
  // area beyond the exchanges' memory (m < early) or of the exchanges' memory
  const pfReg = (m: number): number => 16 - pf + m;
  const pfSlot = (m: number): string => `${m < early ? used + m * T : (m - early) * T}u + t`;
  let lastMem = -1;
  exchanges.forEach((ex, k) => {
    if (ex.lanes === 0) lastMem = k;
  });
  const tailPass = lastMem + 1;
  const pfRange = Array.from({ length: pf }, (_, m) => m);
  // where value m is loaded and parked (see RowShaderOptions.prefetchAt)
  const memEx = exchanges.flatMap((ex, k) => (ex.lanes === 0 ? [k] : []));
  const pfPoints = (m: number): { load: RowHookPoint; park: RowHookPoint } => {
    const at = opts.prefetchAt ?? 'pass';
    const p = m >= early ? tailPass : at === 'spread' ? memEx[m % memEx.length]! + 1 : 1;
    return at === 'pass'
      ? { load: { pass: p, stage: 'before' }, park: { pass: p, stage: 'after' } }
      : { load: { pass: p - 1, stage: 'after' }, park: { pass: p, stage: 'before' } };
  };
  let i0name = '';
  const { last } = emitRowFft(plan, {
    line,
    tag: 'i',
    omit,
    shiftLinear: opts.shiftLinear ?? false,
    load: (i0) => {
      i0name = i0;
      // pass 0: global → registers, butterfly j of the invocation: i0 | j << W
      for (let j = 0; j < V / 16; j++) {
        for (let r = 0; r < 16; r++) {
          const off = (j << W) | (r << (L - 4));
          const m = r - (16 - pf);
          line(
            noGlobal
              ? `  ${reg(16 * j + r)} = vec2f(f32(t ^ ${off}u), f32(wid.x));`
              : m >= 0
                ? `  if (q == 0u) { ${reg(r)} = src[g + (${i0} | ${off}u)]; } else { ${reg(r)} = sx[${pfSlot(m)}]; }`
                : `  ${reg(16 * j + r)} = src[g + (${i0} | ${off}u)];`,
          );
        }
      }
    },
    hook: (at) => {
      if (pf === 0) return;
      if (at.pass === 0 && pf > early) {
        line(
          '  workgroupBarrier(); // the prefetched values are read before the exchange reuses them',
        );
      }
      const is = (a: RowHookPoint, b: RowHookPoint): boolean =>
        a.pass === b.pass && a.stage === b.stage;
      const stores = pfRange.filter((m) => is(at, pfPoints(m).park));
      const loads = pfRange.filter((m) => is(at, pfPoints(m).load));
      if (stores.length > 0) {
        line('  if (more) {');
        for (const m of stores) line(`    sx[${pfSlot(m)}] = pf${m};`);
        line('  }');
      }
      if (loads.length > 0) {
        for (const m of loads) line(`  var pf${m}: vec2f;`);
        line('  if (more) {');
        for (const m of loads) {
          line(`    pf${m} = src[gn + (${i0name} | ${pfReg(m) << (L - 4)}u)];`);
        }
        line('  }');
      }
    },
  });
  // last pass: registers → global, y[i + s·n/R] (without global stores: one guarded store of
  // the sum, so that the arithmetic stays)
  const Rb = bits[P - 1]!;
  if (noGlobal) line(`  var acc = vec2f(0.0);`);
  for (let j = 0; j < V >> Rb; j++) {
    for (let q = 0; q < 1 << Rb; q++) {
      const off = (j << W) | (q << (L - Rb));
      const x = reg((j << Rb) + q);
      line(noGlobal ? `  acc += ${x};` : `  src[g + (${last} | ${off}u)] = ${x} * SCALE;`);
    }
  }
  if (noGlobal) {
    line(`  if (acc.x == 1.5e-38) {`);
    line(`    src[g + t] = acc;`);
    line(`  }`);
  }
  if (K > 1) line('  }');
  line('}');
  return out.join('\n');
}
