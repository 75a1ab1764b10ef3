/**
 * Argument checks shared by the core. Every failure is a RangeError whose message names the
 * argument and its allowed range, so the UI can show it as is.
 */

/** Largest state size the dense core accepts (N×N float64 matrices, O(N³) factorisations). */
export const MAX_N = 2048;
/** Longest sequence the core accepts (2^22 samples). */
export const MAX_L = 1 << 22;

export function checkInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${String(v)}`);
  }
}

export function checkPositive(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(v)}`);
  }
}

export function checkFiniteNumber(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new RangeError(`${name} must be a finite number, got ${String(v)}`);
  }
}

export function checkFiniteArray(
  name: string,
  a: ArrayLike<number> | undefined,
  length?: number,
): void {
  if (a === undefined || a === null || typeof a.length !== 'number') {
    throw new RangeError(`${name} must be an array of finite numbers`);
  }
  if (length !== undefined && a.length !== length) {
    throw new RangeError(`${name} must have length ${length}, got ${a.length}`);
  }
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) {
      throw new RangeError(
        `${name}[${i}] must be finite (all entries in (−∞, ∞)), got ${String(a[i])}`,
      );
    }
  }
}

export function checkComplex(
  name: string,
  z: { re: ArrayLike<number>; im: ArrayLike<number> } | undefined,
  length?: number,
): void {
  if (!z || !z.re || !z.im) throw new RangeError(`${name} must be a complex vector { re, im }`);
  const n = length ?? z.re.length;
  checkFiniteArray(`${name}.re`, z.re, n);
  checkFiniteArray(`${name}.im`, z.im, n);
}

export function checkOneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new RangeError(
      `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${String(v)}`,
    );
  }
  return v as T;
}
