import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/vanilla/shallow';
import { shallowEqual } from './store';

describe('shallowEqual (the selectors’ equality)', () => {
  it('agrees with zustand’s shallow on plain objects and arrays of primitives', () => {
    const prim = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom(NaN, 0, -0, 'a', null));
    const value = fc.oneof(
      prim,
      fc.array(prim, { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), prim, {
        maxKeys: 4,
        noNullPrototype: true,
      }),
    );
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(shallowEqual(a, b)).toBe(shallow(a, b));
        // A copy is equal; a copy with one entry changed is not.
        if (typeof a === 'object' && a !== null) {
          const copy = Array.isArray(a) ? [...a] : { ...a };
          expect(shallowEqual(a, copy)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('compares entries by identity, and keys as well as values', () => {
    const arr = [1];
    expect(shallowEqual({ a: arr }, { a: arr })).toBe(true);
    expect(shallowEqual({ a: [1] }, { a: [1] })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(shallowEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(shallowEqual({ a: NaN }, { a: NaN })).toBe(true);
    expect(shallowEqual({ a: 0 }, { a: -0 })).toBe(false);
    expect(shallowEqual([1], { 0: 1 })).toBe(false);
    expect(shallowEqual(new Map([[1, 2]]), new Map([[1, 2]]))).toBe(true);
  });
});
