/** CSV of the performance panel: the benchmark rows measured in this session. */
import type { CsvTable } from '../export/csv';
import type { BenchRow } from './performance.model';

export function performanceTable(rows: BenchRow[]): CsvTable {
  return {
    columns: [
      'op (name)',
      'impl (name)',
      'backend (name)',
      'H (channels)',
      'N (state size)',
      'L (length)',
      'median (ms)',
      'min (ms)',
      'runs (count)',
      'calls per run (count)',
      'error (words)',
    ],
    rows: rows.map((r) => [
      r.op,
      r.impl,
      r.backend,
      r.H,
      r.N,
      r.L,
      r.msMedian,
      r.msMin,
      r.runs,
      r.batch ?? 1,
      r.error ?? '',
    ]),
  };
}
