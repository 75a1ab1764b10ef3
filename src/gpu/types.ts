/**
 * The GPU core's public surface (DESIGN §4): batched float32 mirrors of the f64 core, H rows of
 * length L back to back; complex arrays as { re, im } Float32Array pairs.
 */

export interface Complex32 {
  re: Float32Array;
  im: Float32Array;
}

export interface FftOptions {
  batch: number;
  inverse?: boolean;
}

export interface S4dParams {
  H: number;
  M: number;
  Lambda: Complex32; // H·M
  B: Complex32; // H·M
  C: Complex32; // H·M
  dt: Float32Array; // H
  L: number;
  disc: 'zoh' | 'bilinear';
}

export interface DplrParams {
  H: number;
  N: number;
  C: Float32Array; // H·N
  dt: Float32Array; // H
  L: number;
}

export interface RtfParams {
  H: number;
  n: number;
  a: Float32Array; // H·n
  b: Float32Array; // H·n
  h0: Float32Array; // H
  L: number;
  convention?: 'paper' | 'blog';
}

export interface ScanParams {
  H: number;
  M: number;
  Abar: Complex32; // H·M
  Bbar: Complex32; // H·M
  C: Complex32; // H·M
  u: Float32Array; // H·L
  L: number;
}

/** The §4 functions, as exposed on window.ssmLab.gpu. */
export interface GpuCore {
  fft(re: Float32Array, im: Float32Array, opts: FftOptions): Promise<Complex32>;
  causalConv(K: Float32Array, u: Float32Array, H: number): Promise<Float32Array>;
  s4dKernels(p: S4dParams): Promise<Float32Array>;
  dplrKernels(p: DplrParams): Promise<Float32Array>;
  rtfKernels(p: RtfParams): Promise<Float32Array>;
  scan(p: ScanParams): Promise<Float32Array>;
}
