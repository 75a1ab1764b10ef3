/** CSV of the equivalence panel: the input, both routes' outputs, the kernel and the f32 GPU output. */
import { columnsTable, type CsvTable } from '../export/csv';
import type { EquivalenceResult } from './equivalence.model';

export function equivalenceTable(
  u: Float64Array,
  r: EquivalenceResult,
  gpu: Float32Array | undefined,
): CsvTable {
  return columnsTable([
    ['k (index)', Array.from(u, (_, i) => i)],
    ['u_k (input)', u],
    ['y_k recurrence (f64)', r.yRec],
    ['y_k FFT convolution (f64)', r.yConv],
    ['K_k (kernel)', r.K],
    ...(gpu ? [['y_k FFT convolution (GPU, f32)', gpu] as [string, Float32Array]] : []),
  ]);
}
