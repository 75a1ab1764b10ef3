/** The distinct ArrayBuffers under typed arrays anywhere in `x`: what a worker can transfer. */
export function transferables(x: unknown, out: Set<Transferable> = new Set()): Transferable[] {
  if (ArrayBuffer.isView(x)) out.add(x.buffer as ArrayBuffer);
  else if (Array.isArray(x)) x.forEach((v) => transferables(v, out));
  else if (x && typeof x === 'object') Object.values(x).forEach((v) => transferables(v, out));
  return [...out];
}
