import { describe, expect, it } from 'vitest';
import { parseSignalCsv } from './signalCsv';

const ok = (text: string) => {
  const r = parseSignalCsv(text);
  if (!r.ok) throw new Error(`rejected: ${r.error.key}`);
  return r;
};

describe('CSV signal import', () => {
  it('reads one column, with or without a header', () => {
    expect(ok('1\n2.5\n-3\n').samples).toEqual([1, 2.5, -3]);
    expect(ok('u\n0.1\n0.2\n').samples).toEqual([0.1, 0.2]);
    expect(ok('\uFEFF# comment\r\n0\r\n1\r\n').samples).toEqual([0, 1]);
  });

  it('reads t,u columns; a uniform t is kept, a non-uniform one resampled', () => {
    expect(ok('t,u\n0,1\n1,2\n2,4\n').samples).toEqual([1, 2, 4]);
    expect(ok('0 1\n1 2\n2 4\n').samples).toEqual([1, 2, 4]);
    // u = t² on t = 0, 1, 3 → uniform grid 0, 1.5, 3 by linear interpolation: 0, 1 + 0.5·8, 9
    const r = ok('t (s),u\n0,0\n1,1\n3,9\n');
    expect(r.samples).toEqual([0, 3, 9]);
    expect(r.notices.map((n) => n.key)).toEqual(['export.csv.resampledT']);
    // named columns in any order, extra columns ignored
    expect(ok('u;x;t\n5;0;0\n6;0;1\n').samples).toEqual([5, 6]);
  });

  it('resamples long signals to the 1024 samples of the drawn field and clamps to ±10', () => {
    const long = Array.from({ length: 4096 }, (_, i) => String(i / 4095)).join('\n');
    const r = ok(long);
    expect(r.samples).toHaveLength(1024);
    expect(r.samples[0]).toBe(0);
    expect(r.samples[1023]).toBe(1);
    expect(r.samples[512]).toBeCloseTo(512 / 1023, 3);
    expect(r.notices[0]).toEqual({ key: 'export.csv.resampled', vars: { from: 4096, to: 1024 } });
    const c = ok('0\n25\n-30\n');
    expect(c.samples).toEqual([0, 10, -10]);
    expect(c.notices.map((n) => n.key)).toEqual(['export.csv.clamped']);
  });

  it('rejects bad CSV with a reason and a line number', () => {
    const bad: [string, string][] = [
      ['', 'export.csv.empty'],
      ['1\n', 'export.csv.few'],
      ['1\nabc\n3\n', 'export.csv.notNumber'],
      ['t,u\n0,1\n0,2\n', 'export.csv.tOrder'],
      ['t,u\n0,1\n1\n', 'export.csv.short'],
      ['a,b,c\n1,2,3\n', 'export.csv.columns'],
      ['{"app":"ssm-lab"}', 'export.csv.notCsv'],
      ['<svg></svg>', 'export.csv.notCsv'],
    ];
    for (const [text, key] of bad) {
      const r = parseSignalCsv(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error.key, text).toBe(key);
    }
    const r = parseSignalCsv('1\n2\nx\n');
    expect(!r.ok && r.error.vars).toEqual({ line: 3, value: 'x' });
  });
});
