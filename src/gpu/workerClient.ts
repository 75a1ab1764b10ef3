/**
 * Client of the core worker: call a float64 core function off the main thread and get a
 * promise. A crashed worker is reported (onCrash) and restarted; calls in flight reject.
 * `latest(key, …)` keeps only the newest call per key (older results are dropped), so a
 * slider drag never queues up stale work.
 */
import type * as Core from '../core/index';

type CoreApi = typeof Core;
type FnName = {
  [K in keyof CoreApi]: CoreApi[K] extends (...a: never[]) => unknown ? K : never;
}[keyof CoreApi];

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer call');
    this.name = 'Superseded';
  }
}

export class CoreWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private generation = new Map<string, number>();
  crashes = 0;

  constructor(private readonly onCrash: (message: string) => void = () => {}) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./coreWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (
      ev: MessageEvent<{ id: number; result?: unknown; error?: { name: string; message: string } }>,
    ) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      this.pending.delete(ev.data.id);
      if (ev.data.error) {
        const E = ev.data.error.name === 'RangeError' ? RangeError : Error;
        p.reject(new E(ev.data.error.message));
      } else p.resolve(ev.data.result);
    };
    w.onerror = (ev) => {
      ev.preventDefault?.();
      this.crashes++;
      const msg = ev.message || 'the compute worker crashed';
      for (const p of this.pending.values()) p.reject(new Error(msg));
      this.pending.clear();
      w.terminate();
      this.worker = null; // restarted on the next call
      this.onCrash(msg);
    };
    this.worker = w;
    return w;
  }

  call<K extends FnName>(
    name: K,
    ...args: Parameters<CoreApi[K]>
  ): Promise<ReturnType<CoreApi[K]>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ensure().postMessage({ id, name, args });
    });
  }

  /** Like call, but rejects with Superseded if a newer call with the same key was made meanwhile. */
  async latest<K extends FnName>(
    key: string,
    name: K,
    ...args: Parameters<CoreApi[K]>
  ): Promise<ReturnType<CoreApi[K]>> {
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const r = await this.call(name, ...args);
    if (this.generation.get(key) !== gen) throw new Superseded();
    return r;
  }

  /** Kills the worker (tests use this to simulate a crash); it restarts on the next call. */
  crash(): void {
    this.worker?.dispatchEvent(new ErrorEvent('error', { message: 'compute worker terminated' }));
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
