/**
 * Closeness checks for numeric tests (runner-agnostic: they throw, so they work under Vitest
 * and Playwright alike).
 *
 * Error measure: max_i |actual_i − expected_i| / max(max_i |expected_i|, TINY), i.e. the worst
 * absolute deviation relative to the largest expected magnitude (stdlib-style relative
 * tolerance that does not blow up on entries that happen to be near zero). A failure message
 * names the label, the index of the worst entry, actual, expected, the error and the tolerance.
 */

/** Floor for the scale, so an all-zero expectation compares absolutely against ~0. */
export const TINY = 1e-300;

export interface ComplexLike {
  re: ArrayLike<number>;
  im: ArrayLike<number>;
}

export interface CloseReport {
  /** max |actual − expected| / scale (Infinity if an entry is NaN or lengths differ) */
  err: number;
  /** index of the worst entry (−1 if there are none) */
  index: number;
  /** max(max |expected|, TINY) */
  scale: number;
}

class CloseAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function fail(message: string): never {
  throw new CloseAssertionError(message);
}

function toArray(x: ArrayLike<number> | number): ArrayLike<number> {
  return typeof x === 'number' ? [x] : x;
}

function at(x: ArrayLike<number>, i: number): number {
  return x[i] ?? Number.NaN;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(x) : `${x}`;
}

/** Relative error of real arrays (see the module comment). Lengths must match. */
export function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): CloseReport {
  let scale = TINY;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(at(expected, i)));
  if (actual.length !== expected.length) return { err: Infinity, index: -1, scale };
  let worst = 0;
  let index = expected.length > 0 ? 0 : -1;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(at(actual, i) - at(expected, i));
    if (!Number.isFinite(d)) return { err: Infinity, index: i, scale };
    if (d > worst) {
      worst = d;
      index = i;
    }
  }
  return { err: worst / scale, index, scale };
}

/**
 * Asserts that a real array (or scalar) matches the expectation to a relative tolerance `tol`.
 */
export function expectClose(
  actual: ArrayLike<number> | number,
  expected: ArrayLike<number> | number,
  tol: number,
  label: string,
): void {
  const a = toArray(actual);
  const e = toArray(expected);
  if (a.length !== e.length) {
    fail(`${label}: length ${a.length}, expected ${e.length}`);
  }
  const { err, index, scale } = relError(a, e);
  if (!(err <= tol)) {
    fail(
      `${label}: relative error ${fmt(err)} > tol ${tol} at index ${index}` +
        ` (of ${e.length}): actual ${fmt(at(a, index))}, expected ${fmt(at(e, index))}` +
        ` (scale max|expected| = ${fmt(scale)})`,
    );
  }
}

function modulusScale(z: ComplexLike): number {
  let scale = TINY;
  for (let i = 0; i < z.re.length; i++)
    scale = Math.max(scale, Math.hypot(at(z.re, i), at(z.im, i)));
  return scale;
}

function fmtC(re: number, im: number): string {
  return `${fmt(re)}${im < 0 || Object.is(im, -0) ? '-' : '+'}${fmt(Math.abs(im))}i`;
}

/**
 * Asserts that two complex vectors match entry by entry: max |a_i − e_i| / max |e_i| <= tol.
 */
export function expectCloseComplex(
  actual: ComplexLike,
  expected: ComplexLike,
  tol: number,
  label: string,
): void {
  const n = expected.re.length;
  if (actual.re.length !== n || actual.im.length !== n || expected.im.length !== n) {
    fail(`${label}: lengths re ${actual.re.length}/im ${actual.im.length}, expected ${n}`);
  }
  const scale = modulusScale(expected);
  let worst = 0;
  let index = n > 0 ? 0 : -1;
  for (let i = 0; i < n; i++) {
    const d = Math.hypot(
      at(actual.re, i) - at(expected.re, i),
      at(actual.im, i) - at(expected.im, i),
    );
    if (!Number.isFinite(d)) {
      worst = Infinity;
      index = i;
      break;
    }
    if (d > worst) {
      worst = d;
      index = i;
    }
  }
  const err = worst / scale;
  if (!(err <= tol)) {
    fail(
      `${label}: relative error ${fmt(err)} > tol ${tol} at index ${index} (of ${n}):` +
        ` actual ${fmtC(at(actual.re, index), at(actual.im, index))},` +
        ` expected ${fmtC(at(expected.re, index), at(expected.im, index))} (scale max|expected| = ${fmt(scale)})`,
    );
  }
}

/**
 * Asserts that two complex multisets (eigenvalues, roots) match regardless of order: greedy
 * nearest matching, taking the expected values from the largest modulus down, each to the
 * nearest unused actual value; error = max matched distance / max |expected|.
 */
export function expectSameSet(
  actual: ComplexLike,
  expected: ComplexLike,
  tol: number,
  label: string,
): void {
  const n = expected.re.length;
  if (actual.re.length !== n || actual.im.length !== n || expected.im.length !== n) {
    fail(`${label}: ${actual.re.length} values (im ${actual.im.length}), expected ${n}`);
  }
  const scale = modulusScale(expected);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) =>
      Math.hypot(at(expected.re, j), at(expected.im, j)) -
      Math.hypot(at(expected.re, i), at(expected.im, i)),
  );
  const used = new Array<boolean>(n).fill(false);
  let worst = 0;
  let worstE = -1;
  let worstA = -1;
  for (const i of order) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      const raw = Math.hypot(
        at(actual.re, j) - at(expected.re, i),
        at(actual.im, j) - at(expected.im, i),
      );
      const d = Number.isNaN(raw) ? Infinity : raw;
      if (d < bestD || best < 0) {
        best = j;
        bestD = d;
      }
    }
    used[best] = true;
    if (bestD > worst || worstE < 0) {
      worst = bestD;
      worstE = i;
      worstA = best;
    }
  }
  const err = worst / scale;
  if (!(err <= tol)) {
    const list = (z: ComplexLike): string =>
      Array.from({ length: z.re.length }, (_, i) => fmtC(at(z.re, i), at(z.im, i))).join(', ');
    fail(
      `${label}: set mismatch, relative error ${fmt(err)} > tol ${tol}: expected[${worstE}] =` +
        ` ${fmtC(at(expected.re, worstE), at(expected.im, worstE))} matched actual[${worstA}] =` +
        ` ${fmtC(at(actual.re, worstA), at(actual.im, worstA))} (scale ${fmt(scale)})` +
        (n <= 24 ? `\n  actual:   [${list(actual)}]\n  expected: [${list(expected)}]` : ''),
    );
  }
}
