/** CSV of the matrices panel: every entry of A, B, Ā, B̄ and C, one per row. */
import type { ContinuousSSM, DiscreteSSM } from '../../core/index';
import { matrixRows, type CsvTable } from '../export/csv';

export function matricesTable(ssm: ContinuousSSM, d: DiscreteSSM | null): CsvTable {
  const N = ssm.N;
  const rows = [...matrixRows('A', ssm.A, N, N), ...matrixRows('B', ssm.B, N, 1)];
  if (d) {
    rows.push(...matrixRows('Ā', d.Ab, N, N), ...matrixRows('B̄', d.Bb, N, 1));
    rows.push(...matrixRows('C', d.C, 1, N));
  }
  return { columns: ['matrix (name)', 'row (index)', 'column (index)', 'value (entry)'], rows };
}
