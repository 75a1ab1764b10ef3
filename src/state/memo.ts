/**
 * Memoisation for derived values: recompute only when an argument changes (compared with ===,
 * arrays element-wise), keeping the last result. Selectors in derived.ts are built from these.
 */
import { registerCache } from './caches';

function sameArg(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}

export function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let last: R | undefined;
  registerCache({
    clear: () => {
      lastArgs = undefined;
      last = undefined;
    },
  });
  return (...args: A): R => {
    if (
      !lastArgs ||
      args.length !== lastArgs.length ||
      !args.every((a, i) => sameArg(a, lastArgs![i]))
    ) {
      last = fn(...args);
      lastArgs = args;
    }
    return last as R;
  };
}
