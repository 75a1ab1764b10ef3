/**
 * CSV of the coefficients panel: the states x_n(t) of LegS and LegT, one row per step. Beyond
 * MAX_VALUES numbers the rows are thinned to every s-th step (the k column says which).
 */
import type { States } from '../../state/derived';
import type { Cell, CsvTable } from '../export/csv';

export const MAX_VALUES = 2_000_000;

export function coefficientsTable(
  dt: number,
  legs: States | undefined,
  legt: States | undefined,
): CsvTable {
  const parts: [string, States][] = [];
  if (legs && !legs.warning) parts.push(['LegS', legs]);
  if (legt && !legt.warning) parts.push(['LegT', legt]);
  const L = Math.max(0, ...parts.map(([, s]) => s.L));
  const width = parts.reduce((a, [, s]) => a + s.N, 0);
  const step = Math.max(1, Math.ceil((L * width) / MAX_VALUES));
  const columns = ['k (index)', 't = (k+1)Δ (time)'];
  for (const [name, s] of parts)
    for (let n = 0; n < s.N; n++) columns.push(`${name} x_${n} (coefficient)`);
  const rows: Cell[][] = [];
  for (let k = 0; k < L; k += step) {
    const row: Cell[] = [k, (k + 1) * dt];
    for (const [, s] of parts) for (let n = 0; n < s.N; n++) row.push(s.X[k * s.N + n]);
    rows.push(row);
  }
  return { columns, rows };
}
