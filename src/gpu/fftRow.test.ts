/**
 * Plans of the one-dispatch row FFT (fftRow.ts), checked on the CPU: every exchange must hand
 * each value to the invocation and register where the next pass reads it. The shuffle exchange
 * is simulated lane by lane as its WGSL does it, so plans for rows the software adapter cannot
 * run (16384 values in 1024 invocations) are checked here too.
 */
import { describe, expect, it } from 'vitest';
import { rowPlan, type RowPlan } from './fftRow';

/** Position of butterfly bit x after radix-16 pass k: bits ≥ 4k move up by 4. */
function outBit(k: number, x: number): number {
  return x < 4 * k ? x : x + 4;
}

function spread(t: number, map: number[], bit: (b: number) => number): number {
  return map.reduce((p, ib, b) => ((t >> b) & 1 ? p | (1 << bit(ib)) : p), 0);
}

/** Position of register e of invocation t as pass k writes it (values = 16: e is the digit s). */
function written(plan: RowPlan, k: number, t: number, e: number): number {
  return spread(t, plan.maps[k]!, (ib) => outBit(k, ib)) | (e << (4 * k));
}

/** Position pass k + 1 reads into register e = j·R + r of invocation t. */
function read(plan: RowPlan, k: number, t: number, e: number): number {
  const Rb = plan.bits[k + 1]!;
  const W = plan.L - 4;
  const j = e >> Rb;
  const r = e & ((1 << Rb) - 1);
  return spread(t, plan.maps[k + 1]!, (ib) => ib) | (j << W) | (r << (plan.L - Rb));
}

/** The shuffle stages of exchange k as the WGSL runs them (subgroupShuffleXor, select). */
function shuffled(plan: RowPlan, k: number): number[][] {
  let v = Array.from({ length: plan.threads }, (_, t) =>
    Array.from({ length: 16 }, (_, e) => written(plan, k, t, e)),
  );
  for (let b = 0; b < plan.exchanges[k]!.lanes; b++) {
    const m = 1 << b;
    v = v.map((own, t) => {
      const partner = v[t ^ m]!;
      const h = (t & m) !== 0;
      const next = [...own];
      for (let e0 = 0; e0 < 16; e0++) {
        if (e0 & m) continue;
        const e1 = e0 | m;
        // x: the partner's select(v[e1], v[e0], h'), h' = !h
        const x = h ? partner[e1]! : partner[e0]!;
        next[e0] = h ? x : own[e0]!;
        next[e1] = h ? own[e1]! : x;
      }
      return next;
    });
  }
  return v;
}

describe('rowPlan', () => {
  it.each([
    [16384, 4096, 5, 2],
    [8192, 4096, 5, 1],
    [16384, 4096, 2, 2],
    [1024, 1024, 2, 2],
    [512, 512, 2, 1],
    [4096, 4096, 5, 0], // last pass of radix 16: no shuffle exchange
    [2048, 2048, 2, 0], // radix 8 needs 8 lanes
  ])(
    'n = %i, chunk %i, %i lane bits: the last exchange shuffles over %i bits to where the last pass reads',
    (n, chunk, lanes, shuffleBits) => {
      const plan = rowPlan(n, chunk, 16, true, { shuffleLanes: lanes })!;
      expect(plan).toBeDefined();
      const k = plan.bits.length - 2;
      expect(plan.exchanges[k]!.lanes).toBe(shuffleBits);
      if (shuffleBits === 0) return;
      const v = shuffled(plan, k);
      for (let t = 0; t < plan.threads; t++) {
        for (let e = 0; e < 16; e++) {
          if (v[t]![e] !== read(plan, k, t, e)) {
            throw new Error(
              `n=${n}: t=${t} e=${e} holds ${v[t]![e]}, reads ${read(plan, k, t, e)}`,
            );
          }
        }
      }
    },
  );

  it('the exchanges through workgroup memory avoid the shuffle lanes, and every value is read once', () => {
    const plan = rowPlan(16384, 4096, 16, true, { shuffleLanes: 5 })!;
    const lanes = plan.maps[plan.bits.length - 2]!.slice(0, 2); // i bits on invocation bits 0, 1
    expect(lanes).toEqual([8, 9]);
    for (let k = 0; k + 2 < plan.bits.length; k++) {
      // writer → reader through memory: the positions written and read are the same sets
      const w = new Set<number>();
      const r = new Set<number>();
      for (let t = 0; t < plan.threads; t++) {
        for (let e = 0; e < 16; e++) {
          w.add(written(plan, k, t, e));
          r.add(read(plan, k, t, e));
        }
      }
      expect(w.size).toBe(16384);
      expect(r.size).toBe(16384);
    }
    expect(rowPlan(16384, 4096, 16, true)!.exchanges.every((x) => x.lanes === 0)).toBe(true);
  });
});
