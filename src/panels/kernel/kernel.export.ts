/** CSV of the kernel panel: K_k of every method that has a result, side by side. */
import type { KernelMethod } from '../../state/derived.kernels';
import { columnsTable, type CsvTable } from '../export/csv';
import { METHOD_SHORT } from './kernel.model';

export function kernelTable(
  dt: number,
  L: number,
  kernels: Partial<Record<KernelMethod, Float64Array | undefined>>,
): CsvTable {
  const k = Array.from({ length: L }, (_, i) => i);
  const cols: [string, ArrayLike<number>][] = [
    ['k (index)', k],
    ['t = kΔ (time)', k.map((i) => i * dt)],
  ];
  for (const [m, K] of Object.entries(kernels) as [KernelMethod, Float64Array | undefined][])
    if (K) cols.push([`K_k ${METHOD_SHORT[m]} (kernel)`, K]);
  return columnsTable(cols);
}
