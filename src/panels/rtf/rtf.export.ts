/** CSV of the RTF panel: the exact impulse response and the FFT kernels, plain and corrected. */
import type { RtfKernels } from '../../state/derived.rtf';
import { columnsTable, type CsvTable } from '../export/csv';

export function rtfTable(k: RtfKernels): CsvTable {
  return columnsTable([
    ['k (index)', Array.from(k.exact, (_, i) => i)],
    ['K_k exact (impulse response)', k.exact],
    ['K_k FFT (aliased)', k.fft ?? []],
    ['K_k FFT with b̃ (corrected)', k.corrected ?? []],
  ]);
}
