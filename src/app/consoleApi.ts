/**
 * window.ssmLab — the documented console API (DESIGN §5) for power users, teachers and tests.
 */
import { clearCaches } from '../state/caches';
import * as core from '../core/index';
import { crashEquivalenceWorker } from '../panels/equivalence/equivalence.runner';
import { failPanel } from '../panels/Panel';
import { crashJobsWorker } from '../state/jobsClient';
import { lab, setParams } from '../state/store';
import type { Params } from '../state/schema';
import { frameStats, playbackStats, resetFrameStats, resetPlaybackStats } from './frameStats';
import { currentUrl } from './urlSync';

export interface SsmLabApi {
  version: string;
  backend(): { name: 'webgpu' | 'cpu'; adapter?: string };
  getParams(): Params;
  setParams(partial: Partial<Params>): string[];
  url(): string;
  core: typeof core;
  /** Input handled → panels drawn (p50, p95, max ms); fromEvent: from the event's timeStamp. */
  frameStats(): ReturnType<typeof frameStats>;
  resetFrameStats(): void;
  /** Playback rate since the last reset: frames that drew a new cursor, and cursor steps. */
  playbackStats(): ReturnType<typeof playbackStats>;
  resetPlaybackStats(): void;
  /** Crashes the compute workers (the equivalence worker and the jobs worker):
   * the lab reports it and restarts them. For fault drills and e2e/faults.spec.ts. */
  crashWorker(): void;
  /** Empties the bounded caches of derived values (the memory check reads the heap without
   * them); the panels recompute what they show on the next change. */
  clearCaches(): void;
  /** Test builds only (window.__ssmLabTestHooks set before start): makes a panel throw. */
  __failPanel?: (id: string) => void;
  [extra: string]: unknown;
}

declare global {
  interface Window {
    ssmLab: SsmLabApi;
    /** Set by a test's init script before the app starts; never from a URL. */
    __ssmLabTestHooks?: boolean;
  }
}

export function installConsoleApi(extra: Partial<SsmLabApi> = {}): SsmLabApi {
  const api: SsmLabApi = {
    version: '0.1.0',
    backend: () => {
      const b = lab.getState().ui.backend;
      return b.adapter ? { name: b.name, adapter: b.adapter } : { name: b.name };
    },
    getParams: () => structuredClone(lab.getState().params),
    setParams: (partial) => setParams(partial),
    url: currentUrl,
    core,
    frameStats,
    resetFrameStats,
    playbackStats,
    resetPlaybackStats,
    crashWorker: () => {
      crashEquivalenceWorker();
      crashJobsWorker();
    },
    clearCaches,
    ...(window.__ssmLabTestHooks === true ? { __failPanel: failPanel } : {}),
    ...extra,
  };
  window.ssmLab = api;
  return api;
}
