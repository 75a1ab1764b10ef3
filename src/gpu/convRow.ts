/**
 * The one-dispatch causal convolution of rows of L = 2^ℓ (src/gpu/conv.ts, 'row' path): one
 * workgroup of L/16 invocations per row computes y = K * u (first L samples) with its data in
 * registers and workgroup memory, using fftRow.ts's plan and its one emission of the FFT
 * (emitRowFft: with the last exchange through subgroup shuffles where conv.ts's plan has them,
 * ConvTuning.shuffle) for length-L FFTs. Global memory sees the packed row x = K' + i·u' (read
 * twice), 64 KiB of spectrum parked in y and in x, and y.
 *
 * Method (m = 2L; Z = FFT_m of x zero-padded; P_k = FFT(K')_k·FFT(u')_k = D_k/(4i) with
 * D_k = Z_k² − conj(Z_{−k})², as shaders/fft_load_spectra.wgsl):
 * 1. The padding halves the forward FFT: Z_{2j} = E_j with E = FFT_L(x), Z_{2j+1} = O_j with
 *    O = FFT_L(x_p e^{−2πi p/m}). Even bins pair with even (Z_{−2j} = E_{−j}), odd with odd
 *    (Z_{−(2j+1)} = O_{L−1−j}), so each half forms its products alone.
 * 2. y is real and only y_0 … y_{L−1} are wanted: c_n = y_{2n} + i·y_{2n+1} (n < L/2) is the
 *    inverse FFT_L of C_k = (P_k + P_{k+L})/2 + i·e^{2πik/m}(P_k − P_{k+L})/2 (the length-m
 *    spectrum of y split into its even and odd samples), outputs n < L/2 kept. C_{2j} needs
 *    E_j, E_{j+L/2}, E_{−j}, E_{−j−L/2}; C_{2j+1} needs O_j, O_{j+L/2}, O_{L−1−j}, O_{L/2−1−j}.
 * So a row costs three FFTs of length L (the two forward halves and one inverse) instead of two
 * of length 2L, and one dispatch instead of four.
 *
 * Data flow in the workgroup (all FFTs forward: the inverse is conj(FFT(conj C))):
 *   E = FFT(x) → C'_{2j} = conj(8i·C_{2j}) stored over y (y's row holds L/2 complex values);
 *   O = FFT(x·e^{−2πi p/m}) → C'_{2j+1} stored over the first half of x (read for the last time);
 *   F = FFT(C') → y_{2n} + i·y_{2n+1} = −i·conj(F_n)/(8L) = −(F_n.y, F_n.x)/(8L), n < L/2.
 * After an FFT, invocation t holds positions i + d·Q (Q = L/16, i its last butterfly, digits
 * d < 16). The partner −j of j = i + d·Q is (Q − i) + (15 − d)·Q (even bins, i > 0) or
 * (Q − 1 − i) + (15 − d)·Q (odd bins: L − 1 − j), and j + L/2 has digit d + 8 in the same
 * invocation: so the products exchange the values of invocations i and its partner through
 * workgroup memory in 4 rounds of the digit sets {c, 7 − c, 8 + c, 15 − c} (Q values each),
 * and invocation i forms C' at digits d < 8. Invocation i = 0 of the even half is its own
 * partner (−j = (16 − d)·Q) and takes those values from its registers.
 *
 * The product exchange swizzles its slots by the butterfly bits the last pass puts on
 * invocation bits 0 … 3 above bit 3 (a shuffle plan puts bits L − 6, L − 5 on lanes 0, 1).
 * On an H200 (1024 × 16384, clocks warm) the dispatch takes 0.356 ms with the three FFTs as one
 * loop over a single copy of their code and the exchanges' slot maps as masked shifts (0.366
 * as selects; the last exchange through subgroup shuffles 0.362, through workgroup memory by
 * default: bench/h200-f6.json), 0.649 unrolled (three copies, earlier): ≈ 45 µs per row for
 * the one 1024-invocation workgroup an SM holds (64 registers each), against ≈ 6 µs of DRAM
 * time per row. What limits it is what limits fftRow.ts, three times over: each of the 11
 * exchanges is 4 rounds of write → barrier → read → barrier for the whole workgroup, with no
 * other workgroup on the SM to fill the waits.
 */
import { emitRowFft, permExpr, rowReg, rowTwiddles, type RowPlan } from './fftRow';

/** Workgroup memory of the shader of a plan, in bytes: the exchange chunk or 4Q values. */
export function convRowBytes(plan: RowPlan): number {
  return 8 * Math.max(plan.chunk, plan.n / 4);
}

type Line = (s: string) => void;

const reg = rowReg;

/**
 * Emits the product exchange after the FFT of one half and stores C' at the invocation's digits
 * d < 8 (see the header): `odd` is the half as a WGSL boolean expression (a literal when the
 * phases are unrolled), j the position, k = 2j (+ 1 for the odd half); the even half goes to y,
 * the odd half to x.
 */
function emitProducts(
  plan: RowPlan,
  line: Line,
  odd: string,
  last: string,
  digitReg: string[],
): void {
  const W = plan.L - 4;
  const Q = 1 << W;
  const R = (d: number): string => digitReg[d]!;
  // slots: i, with the butterfly bits that the last pass puts on invocation bits 0 … 3 (a
  // wavefront of 16 lanes for 8-byte slots) above bit 3 — the shuffle lanes of a shuffle plan —
  // XORed onto the bank bits those lanes leave free, against bank conflicts
  const laneBits = plan.maps[plan.bits.length - 1]!.slice(0, Math.min(4, W));
  const high = laneBits.filter((b) => b >= 4);
  const free = [0, 1, 2, 3].filter((b) => !laneBits.includes(b));
  const sw = (x: string): string =>
    high.length === 0
      ? x
      : [x, ...high.map((b, k) => `(((${x} >> ${b}u) & 1u) << ${free[k]!}u)`)].join(' ^ ');
  line('  {');
  line(`    let i = ${last};`);
  line(`    let odd = ${odd};`);
  line(`    let ip = select((${Q}u - i) & ${Q - 1}u, i ^ ${Q - 1}u, odd);`);
  line('    let own = i == 0u && !odd;');
  if (high.length > 0) {
    line(`    let si = ${sw('i')};`);
    line(`    let sp = ${sw('ip')};`);
  }
  const [si, sp] = high.length > 0 ? ['si', 'sp'] : ['i', 'ip'];
  for (let c = 0; c < 4; c++) {
    const set = [c, 7 - c, 8 + c, 15 - c];
    set.forEach((d, s) => line(`    sx[${si} + ${s * Q}u] = ${R(d)};`));
    line('    workgroupBarrier();');
    set.forEach((_, s) => line(`    let p${c}${s} = sx[${sp} + ${s * Q}u];`));
    line('    workgroupBarrier();');
    // own digit d (< 8) pairs with the partner's 15 − d and 7 − d; the even half's i = 0 with
    // its own (16 − d) mod 16 and (8 − d) mod 16
    for (const d of [c, 7 - c]) {
      const partner = (e: number): string =>
        `select(p${c}${set.indexOf(e)}, ${R((e + 1) & 15)}, own)`;
      const j = `j${c}${d}`;
      line(`    let ${j} = i | ${d << W}u;`);
      line(
        `    let c${c}${d} = convRowC(${R(d)}, ${R(d + 8)}, ${partner(15 - d)}, ${partner(7 - d)}, 2u * ${j} + select(0u, 1u, odd));`,
      );
      line(`    if (odd) { xs[g + ${j}] = c${c}${d}; } else { ys[gy + ${j}] = c${c}${d}; }`);
    }
  }
  line('  }');
}

/**
 * The WGSL of the convolution of rows of plan.n (see the header): bindings 0 the packed rows
 * (vec2, pitch n; the odd half of C' is parked in their first half), 1 the twiddle table of n,
 * 2 the first row of this dispatch, 3 the twiddle table of 2n, 4 y as vec2 (pitch n/2; the
 * even half of C' is parked there). Rows of n = 16·threads (16 values per invocation).
 * `loop`: the three FFTs as one loop over a single copy of the FFT's code (a third of the
 * instructions), else unrolled.
 */
export function convRowShader(
  plan: RowPlan,
  opts: { loop: boolean; shiftLinear?: boolean },
): string {
  const { n, L } = plan;
  if (plan.values !== 16 || !plan.vec2) {
    throw new RangeError('convRowShader: plans of 16 values per invocation, vec2 exchanges');
  }
  const W = L - 4;
  const Q = 1 << W;
  const shiftLinear = opts.shiftLinear ?? false;
  const out: string[] = [];
  const line: Line = (s) => {
    out.push(s);
  };
  if (plan.exchanges.some((ex) => ex.lanes > 0)) line('enable subgroups;');
  line(`// generated by src/gpu/convRow.ts: causal convolution of rows of ${n}, ${plan.threads}`);
  line('// invocations per row');
  line('override SIGN: f32 = -1.0; // every FFT here is forward');
  line('@group(0) @binding(0) var<storage, read_write> xs: array<vec2f>;');
  line('@group(0) @binding(1) var<storage, read> tw: array<vec2f>;');
  line('@group(0) @binding(2) var<storage, read> base: array<u32>;');
  line('@group(0) @binding(3) var<storage, read> tw2: array<vec2f>;');
  line('@group(0) @binding(4) var<storage, read_write> ys: array<vec2f>;');
  line(`var<workgroup> sx: array<vec2f, ${convRowBytes(plan) / 8}>;`);
  line(`
// e^{−2πi·idx/n} from the half table (cos, sin)(2πk/n), k < n/2
${rowTwiddles(n)}
fn csq(a: vec2f) -> vec2f {
  return vec2f(a.x * a.x - a.y * a.y, 2.0 * a.x * a.y);
}

// x_p·e^{−2πi p/(2n)}, p < n: the odd bins of the padded row's FFT
fn shifted(g: u32, p: u32) -> vec2f {
  let w = tw2[p];
  return cmul(xs[g + p], vec2f(w.x, -w.y));
}

// C'_k = conj(S + i·e^{2πik/(2n)}·Δ), S = D1 + D2, Δ = D1 − D2, D1 = a² − conj(pa²) (bin k of
// the padded row's FFT), D2 = b² − conj(pb²) (bin k + n), k < n
fn convRowC(a: vec2f, b: vec2f, pa: vec2f, pb: vec2f, k: u32) -> vec2f {
  let a2 = csq(a);
  let b2 = csq(b);
  let pa2 = csq(pa);
  let pb2 = csq(pb);
  let d1 = vec2f(a2.x - pa2.x, a2.y + pa2.y);
  let d2 = vec2f(b2.x - pb2.x, b2.y + pb2.y);
  let w = tw2[k];
  let c = d1 + d2 + cmul(vec2f(-w.y, w.x), d1 - d2);
  return vec2f(c.x, -c.y);
}
`);
  line(`@compute @workgroup_size(${plan.threads})`);
  line('fn main(@builtin(local_invocation_index) t: u32, @builtin(workgroup_id) wid: vec3u) {');
  line('  let row = base[0] + wid.x;');
  line(`  let g = row * ${n}u;`);
  line(`  let gy = row * ${n / 2}u;`);
  line('  var v0: array<vec2f, 16>;');
  // pass 0 of the plan loads position i0 | (r << (L − 4)) into register r
  const loadX = (i0: string, indent: string): void => {
    for (let r = 0; r < 16; r++) line(`${indent}${reg(r)} = xs[g + (${i0} | ${r << W}u)];`);
  };
  const loadShifted = (i0: string, indent: string): void => {
    for (let r = 0; r < 16; r++) line(`${indent}${reg(r)} = shifted(g, ${i0} | ${r << W}u);`);
  };
  // position k of C' is k/2 of y (even k) or (k − 1)/2 of x (odd k)
  const loadC = (i0: string, indent: string): void => {
    line(`${indent}let h = ${i0} >> 1u;`);
    line(`${indent}if ((${i0} & 1u) == 0u) {`);
    for (let r = 0; r < 16; r++) line(`${indent}  ${reg(r)} = ys[gy + h + ${r * (Q / 2)}u];`);
    line(`${indent}} else {`);
    for (let r = 0; r < 16; r++) line(`${indent}  ${reg(r)} = xs[g + h + ${r * (Q / 2)}u];`);
    line(`${indent}}`);
  };
  let f: { last: string; digitReg: string[] };
  if (!opts.loop) {
    line('  // even bins: E = FFT(x); C′ of the even bins over y');
    const a = emitRowFft(plan, { line, tag: 'a', shiftLinear, load: (i0) => loadX(i0, '  ') });
    emitProducts(plan, line, 'false', a.last, a.digitReg);
    line(
      '  // odd bins: O = FFT(x·e^{−2πi p/(2n)}); C′ of the odd bins over x (read for the last time)',
    );
    const b = emitRowFft(plan, {
      line,
      tag: 'b',
      shiftLinear,
      load: (i0) => loadShifted(i0, '  '),
    });
    line('  storageBarrier();');
    emitProducts(plan, line, 'true', b.last, b.digitReg);
    line('  storageBarrier();');
    line('  // F = FFT(C′)');
    f = emitRowFft(plan, { line, tag: 'f', shiftLinear, load: (i0) => loadC(i0, '  ') });
  } else {
    // the same three phases as one loop over a single copy of the FFT's code
    line('  for (var phase = 0u; phase < 3u; phase++) {');
    f = emitRowFft(plan, {
      line,
      tag: 'f',
      shiftLinear,
      load: (i0) => {
        line('  if (phase == 0u) {');
        loadX(i0, '    ');
        line('  } else if (phase == 1u) {');
        loadShifted(i0, '    ');
        line('  } else {');
        loadC(i0, '    ');
        line('  }');
      },
    });
    line('  if (phase == 2u) {');
    line('    break;');
    line('  }');
    line('  storageBarrier();');
    emitProducts(plan, line, 'phase == 1u', f.last, f.digitReg);
    line('  storageBarrier();');
    line('  }');
    f = { ...f, last: 'fl' };
    line(`  let fl = ${permExpr('t', plan.maps[plan.bits.length - 1]!)};`);
  }
  line('  storageBarrier(); // every read of y above precedes the stores');
  for (let d = 0; d < 8; d++) {
    const v = f.digitReg[d]!;
    line(`  ys[gy + (${f.last} | ${d << W}u)] = vec2f(${v}.y, ${v}.x) * ${-1 / (8 * n)};`);
  }
  line('}');
  return out.join('\n');
}
