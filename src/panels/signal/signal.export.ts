/** CSV of the signal panel: the input u_k at t = kΔ, and the reconstruction over the window. */
import { columnsTable, type CsvTable } from '../export/csv';
import type { MemoryView } from './signal.model';

export function signalTable(u: Float64Array, dt: number, view: MemoryView | null): CsvTable {
  const k = Array.from(u, (_, i) => i);
  return columnsTable([
    ['k (index)', k],
    ['t = kΔ (time)', k.map((i) => i * dt)],
    ['u (input)', u],
    ['window τ (time)', view?.times ?? []],
    ['reconstruction at τ (input units)', view?.recon ?? []],
    ['u at τ (input)', view?.truth ?? []],
  ]);
}
