/**
 * window.ssmLab — the documented console API (DESIGN §5) for power users, teachers and tests.
 */
import * as core from '../core/index';
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
  frameStats(): { count: number; p50: number; p95: number; max: number };
  resetFrameStats(): void;
  /** Playback rate since the last reset: frames that drew a new cursor, and cursor steps. */
  playbackStats(): ReturnType<typeof playbackStats>;
  resetPlaybackStats(): void;
  [extra: string]: unknown;
}

declare global {
  interface Window {
    ssmLab: SsmLabApi;
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
    ...extra,
  };
  window.ssmLab = api;
  return api;
}
