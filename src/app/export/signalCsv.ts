/**
 * Import of a signal from CSV: one column of samples, or columns `t,u` (a header names them;
 * without one the first two columns are read as t and u). Samples over a non-uniform t are
 * resampled on a uniform grid; more samples than the schema's `drawn` field holds (1024) are
 * resampled down. Values are rounded to 10⁻³ and clamped to [−10, 10], as a drawn signal is.
 */
import { schema } from '../../state/schema';
import type { Msg } from './stateFile';

export type SignalImport =
  { ok: true; samples: number[]; notices: Msg[] } | { ok: false; error: Msg };

export const MAX_CSV_CHARS = 5_000_000;
const LIMIT = 10;

/** Cells of a row: split on commas, semicolons or tabs, else on spaces. */
const splitRow = (line: string): string[] => {
  if (line.trim() === '') return [];
  const l = line.trim();
  return l.split(/[,;\t]/.test(l) ? /[,;\t]/ : /\s+/).map((s) => s.trim());
};

const isNumber = (s: string): boolean => s !== '' && Number.isFinite(Number(s));

/** Linear interpolation of (t, u), t strictly increasing, at M uniform points over [t0, tn]. */
function uniform(t: number[], u: number[], M: number): number[] {
  const out: number[] = [];
  const t0 = t[0]!;
  const t1 = t[t.length - 1]!;
  let j = 0;
  for (let k = 0; k < M; k++) {
    const x = M === 1 ? t0 : t0 + ((t1 - t0) * k) / (M - 1);
    while (j + 2 < t.length && t[j + 1]! < x) j++;
    const a = t[j]!;
    const b = t[j + 1]!;
    const w = Math.min(1, Math.max(0, (x - a) / (b - a)));
    out.push(u[j]! + w * (u[j + 1]! - u[j]!));
  }
  return out;
}

function isUniform(t: number[]): boolean {
  const h = (t[t.length - 1]! - t[0]!) / (t.length - 1);
  return t.every((x, i) => Math.abs(x - (t[0]! + i * h)) <= 1e-9 * Math.max(1, Math.abs(x)));
}

export function parseSignalCsv(text: string): SignalImport {
  const fail = (key: string, vars?: Msg['vars']): SignalImport => ({
    ok: false,
    error: vars ? { key, vars } : { key },
  });
  if (text.length > MAX_CSV_CHARS) return fail('export.csv.tooBig', { max: MAX_CSV_CHARS });
  if (/^\s*[[{<]/.test(text)) return fail('export.csv.notCsv');
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l, i) => ({ cells: splitRow(l), line: i + 1 }))
    .filter((r) => r.cells.length > 0 && !r.cells[0]!.startsWith('#'));
  if (!lines.length) return fail('export.csv.empty');
  let tCol = -1;
  let uCol = 0;
  const first = lines[0]!;
  if (!first.cells.every(isNumber)) {
    const names = first.cells.map((c) => c.replace(/^"|"$/g, '').toLowerCase());
    const ui = names.findIndex((n) => n === 'u' || n.startsWith('u ') || n.startsWith('u('));
    const ti = names.findIndex((n) => n === 't' || n.startsWith('t ') || n.startsWith('t('));
    if (names.length === 1) uCol = 0;
    else if (ui >= 0) {
      uCol = ui;
      tCol = ti;
    } else if (names.length === 2) {
      tCol = 0;
      uCol = 1;
    } else return fail('export.csv.columns', { names: names.join(', ').slice(0, 60) });
    lines.shift();
  } else if (first.cells.length >= 2) {
    tCol = 0;
    uCol = 1;
  }
  const t: number[] = [];
  const u: number[] = [];
  for (const { cells, line } of lines) {
    const need = Math.max(tCol, uCol) + 1;
    if (cells.length < need) return fail('export.csv.short', { line });
    const cu = cells[uCol]!;
    if (!isNumber(cu)) return fail('export.csv.notNumber', { line, value: cu.slice(0, 20) });
    u.push(Number(cu));
    if (tCol >= 0) {
      const ct = cells[tCol]!;
      if (!isNumber(ct)) return fail('export.csv.notNumber', { line, value: ct.slice(0, 20) });
      const x = Number(ct);
      if (t.length && !(x > t[t.length - 1]!)) return fail('export.csv.tOrder', { line });
      t.push(x);
    }
  }
  if (u.length < 2) return fail('export.csv.few');
  const notices: Msg[] = [];
  const max = schema.drawn.maxLength;
  let samples = u;
  const M = Math.min(u.length, max);
  if (tCol >= 0 && !isUniform(t)) {
    samples = uniform(t, u, M);
    notices.push({ key: 'export.csv.resampledT', vars: { n: M } });
  } else if (u.length > max) {
    samples = uniform(
      u.map((_, i) => i),
      u,
      M,
    );
    notices.push({ key: 'export.csv.resampled', vars: { from: u.length, to: M } });
  }
  if (samples.some((x) => Math.abs(x) > LIMIT)) {
    notices.push({ key: 'export.csv.clamped', vars: { limit: LIMIT } });
    samples = samples.map((x) => Math.min(LIMIT, Math.max(-LIMIT, x)));
  }
  return { ok: true, samples: samples.map((x) => +x.toFixed(3) + 0), notices };
}
