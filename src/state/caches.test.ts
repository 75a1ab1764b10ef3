import { describe, expect, it } from 'vitest';
import { clearCaches, Keyed } from './caches';
import { memo } from './memo';

describe('caches of derived values', () => {
  it('Keyed holds at most its size, dropping the least recently used', () => {
    const c = new Keyed<number>(3);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, i);
    expect(c.count).toBe(3);
    expect(c.get('k6')).toBeUndefined();
    expect(c.get('k7')).toBe(7); // k7 is now the most recent …
    c.set('k10', 10); // … so k8 goes
    expect([c.get('k8'), c.get('k7'), c.get('k9'), c.get('k10')]).toEqual([undefined, 7, 9, 10]);
  });

  it('clearCaches empties every Keyed and every memo', () => {
    const c = new Keyed<number>(4);
    c.set('a', 1);
    let calls = 0;
    const square = memo((x: number) => (calls++, x * x));
    expect([square(3), square(3), calls]).toEqual([9, 9, 1]);
    clearCaches();
    expect(c.count).toBe(0);
    expect([square(3), calls]).toEqual([9, 2]);
  });
});
