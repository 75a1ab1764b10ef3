/**
 * Types for fft.js 4.0.4 (indutny/fft.js), a radix-4 FFT for power-of-two sizes.
 *
 * The package's own generated `lib/fft.d.ts` types everything as `any` and marks `storage` as
 * required; this ambient declaration takes precedence and describes the real API.
 *
 * Layout: a complex array is interleaved, `[re0, im0, re1, im1, …]`, of length `2 * size`.
 * Signs: forward `X_k = Σ x_n e^{−2πikn/N}` (numpy's), inverse divides by `size`.
 */
declare module 'fft.js' {
  /** Anything indexable and writable by number: `number[]`, `Float64Array`, `Float32Array`. */
  type NumericArray = { length: number; [index: number]: number };

  class FFT {
    /** @throws Error unless `size` is a power of two greater than 1. */
    constructor(size: number);

    /** Number of complex points. */
    readonly size: number;

    /** A zero-filled interleaved complex array of length `2 * size`. */
    createComplexArray(): number[];

    /** Real input of length `size` → interleaved complex (imaginary parts 0). */
    toComplexArray(input: ArrayLike<number>): number[];
    toComplexArray<T extends NumericArray>(input: ArrayLike<number>, storage: T): T;

    /** Interleaved complex → its real parts (length `complex.length / 2`). */
    fromComplexArray(complex: ArrayLike<number>): number[];
    fromComplexArray<T extends NumericArray>(complex: ArrayLike<number>, storage: T): T;

    /** Forward complex FFT; `out` and `data` are interleaved, distinct, length `2 * size`. */
    transform(out: NumericArray, data: ArrayLike<number>): void;

    /**
     * Forward FFT of real `data` (length `size`). Fills only the first half of the spectrum in
     * `out` (interleaved, length `2 * size`); call `completeSpectrum(out)` for the rest.
     */
    realTransform(out: NumericArray, data: ArrayLike<number>): void;

    /** Fills the upper half of a `realTransform` spectrum by conjugate symmetry, in place. */
    completeSpectrum(spectrum: NumericArray): void;

    /** Inverse complex FFT, divided by `size`; `out` and `data` distinct, length `2 * size`. */
    inverseTransform(out: NumericArray, data: ArrayLike<number>): void;
  }

  export = FFT;
}
