/**
 * Web Worker entry: runs float64 core functions by name, off the main thread. Messages are
 * { id, name, args } → { id, result } | { id, error: { name, message } }. Typed arrays in the
 * result are transferred, not copied.
 */
import * as core from '../core/index';

type CoreFn = (...args: unknown[]) => unknown;

function transferables(x: unknown, out: Transferable[] = []): Transferable[] {
  if (ArrayBuffer.isView(x)) out.push(x.buffer as ArrayBuffer);
  else if (Array.isArray(x)) x.forEach((v) => transferables(v, out));
  else if (x && typeof x === 'object') Object.values(x).forEach((v) => transferables(v, out));
  return out;
}

self.onmessage = (ev: MessageEvent<{ id: number; name: string; args: unknown[] }>) => {
  const { id, name, args } = ev.data;
  try {
    const fn = (core as unknown as Record<string, CoreFn>)[name];
    if (typeof fn !== 'function') throw new RangeError(`name must be a core function, got ${name}`);
    const result = fn(...args);
    const t = [...new Set(transferables(result))];
    (self as unknown as Worker).postMessage({ id, result }, t);
  } catch (e) {
    const err =
      e instanceof Error
        ? { name: e.name, message: e.message }
        : { name: 'Error', message: String(e) };
    (self as unknown as Worker).postMessage({ id, error: err });
  }
};
