/**
 * Web Worker entry: runs float64 core functions by name, off the main thread. Messages are
 * { id, name, args } → { id, result } | { id, error: { name, message } }. Typed arrays in the
 * result are transferred, not copied.
 */
import * as core from '../core/index';
import { transferables } from './transfer';

type CoreFn = (...args: unknown[]) => unknown;

self.onmessage = (ev: MessageEvent<{ id: number; name: string; args: unknown[] }>) => {
  const { id, name, args } = ev.data;
  try {
    const fn = (core as unknown as Record<string, CoreFn>)[name];
    if (typeof fn !== 'function') throw new RangeError(`name must be a core function, got ${name}`);
    const result = fn(...args);
    const t = transferables(result);
    (self as unknown as Worker).postMessage({ id, result }, t);
  } catch (e) {
    const err =
      e instanceof Error
        ? { name: e.name, message: e.message }
        : { name: 'Error', message: String(e) };
    (self as unknown as Worker).postMessage({ id, error: err });
  }
};
