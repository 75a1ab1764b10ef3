/** CSV of the basis panel: per basis function n, its coefficient, weight and truncation error. */
import { columnsTable, type CsvTable } from '../export/csv';

export function basisTable(
  coeffs: Float64Array,
  rms: Float64Array,
  errs: Float64Array,
  t: number,
): CsvTable {
  return columnsTable([
    ['n (index)', Array.from(coeffs, (_, n) => n)],
    [`x_n at t = ${t} (coefficient)`, coeffs],
    ['rms of x_n·φ_n over the window (input units)', rms],
    ['MSE of the first n+1 terms (input units²)', errs],
  ]);
}
