/** CSV of the eigenvalues panel: every mark, λ in the s-plane and its image z = f(Δλ). */
import type { CsvTable } from '../export/csv';
import { SET_LABEL, type Mark } from './eigenvalues.model';

export function eigenvaluesTable(marks: Mark[]): CsvTable {
  return {
    columns: [
      'set (name)',
      'i (index)',
      'Re λ (1/time)',
      'Im λ (rad/time)',
      'Re z (unitless)',
      'Im z (unitless)',
      '|z| (unitless)',
      's-plane (stability)',
      'z-plane (stability)',
    ],
    rows: marks.map((m) => [
      SET_LABEL[m.set],
      m.i,
      m.s.re,
      m.s.im,
      m.z.re,
      m.z.im,
      Math.hypot(m.z.re, m.z.im),
      m.sState,
      m.zState,
    ]),
  };
}
