/**
 * A panel's data as a table, and the table as CSV text (RFC 4180: comma-separated, quoted
 * where needed, CRLF-free). Column names carry units or say "index"; numbers are written in
 * JavaScript's shortest round-trip form, so the file holds exactly the model's doubles.
 */
export type Cell = number | string | boolean | null | undefined;

export interface CsvTable {
  columns: string[];
  rows: Cell[][];
}

const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function cell(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number')
    return Number.isFinite(c) ? String(c) : c > 0 ? 'inf' : c < 0 ? '-inf' : 'nan';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return quote(c);
}

export function toCsv(t: CsvTable): string {
  const lines = [t.columns.map(quote).join(',')];
  for (const r of t.rows) lines.push(r.map(cell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Columns of equal length side by side; shorter columns are padded with empty cells. */
export function columnsTable(cols: [name: string, values: ArrayLike<Cell>][]): CsvTable {
  const n = Math.max(0, ...cols.map(([, v]) => v.length));
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) rows.push(cols.map(([, v]) => (i < v.length ? v[i] : null)));
  return { columns: cols.map(([c]) => c), rows };
}

/** A row-major n×m matrix as long rows (matrix, row, column, value). */
export function matrixRows(name: string, M: ArrayLike<number>, n: number, m: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) rows.push([name, i, j, M[i * m + j]]);
  return rows;
}
