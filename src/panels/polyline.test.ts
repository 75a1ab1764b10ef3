import { line } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polyline } from './chart';

/** The commands of a path and their numbers. */
function parse(d: string): { cmd: string; nums: number[] }[] {
  return [...d.matchAll(/([ML])([^ML]*)/g)].map(([, cmd, rest]) => ({
    cmd: cmd!,
    nums: rest!.replace('Z', '').split(',').map(Number),
  }));
}

describe('polyline (the paths redrawn every frame)', () => {
  it('draws what d3 line().digits(2) draws, to 0.01', () => {
    const coord = fc.oneof(
      fc.double({ min: -2000, max: 2000, noNaN: true }),
      fc.constantFrom(NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { maxLength: 40 }), (pts) => {
        const ours = parse(
          polyline(
            pts.length,
            (j) => pts[j]![0],
            (j) => pts[j]![1],
          ),
        );
        const d3 = parse(
          line()
            .digits(2)
            .defined((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))(pts) ?? '',
        );
        expect(ours.map((c) => c.cmd)).toEqual(d3.map((c) => c.cmd));
        ours.forEach((c, i) =>
          c.nums.forEach((v, k) =>
            expect(Math.abs(v - d3[i]!.nums[k]!)).toBeLessThanOrEqual(0.0051),
          ),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('breaks the line at a non-finite point and starts again after it', () => {
    const ys = [1, 2, NaN, 3, 4];
    expect(
      polyline(
        5,
        (j) => j,
        (j) => ys[j]!,
      ),
    ).toBe('M0.00,1.00L1.00,2.00M3.00,3.00L4.00,4.00');
    expect(
      polyline(
        0,
        () => 0,
        () => 0,
      ),
    ).toBe('');
  });
});
