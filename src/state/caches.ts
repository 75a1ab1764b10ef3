/**
 * Every cache of derived values registers here. They are all bounded (least-recently-used
 * maps of a fixed size, or one entry), so what they hold depends on the last few settings, not
 * on how many there were. `clearCaches()` (ssmLab.clearCaches) empties them all: the memory
 * check takes each reading with them empty, so that readings compare the rest of the heap,
 * where a leak would grow, rather than which settings the caches happen to hold.
 */
const caches = new Set<{ clear(): void }>();

export function registerCache<C extends { clear(): void }>(cache: C): C {
  caches.add(cache);
  return cache;
}

export function clearCaches(): void {
  for (const c of caches) c.clear();
}

/** A least-recently-used map of at most `size` entries, registered for clearCaches. */
export class Keyed<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly size: number) {
    registerCache(this);
  }
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): V {
    this.m.delete(k);
    this.m.set(k, v);
    if (this.m.size > this.size) this.m.delete(this.m.keys().next().value as string);
    return v;
  }
  get count(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
}
