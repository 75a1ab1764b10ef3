import { afterEach, describe, expect, it, vi } from 'vitest';
import { notePlaybackFrame, playbackStats, resetPlaybackStats } from './frameStats';

describe('playbackStats', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Frames at 60 per second, each drawing the newest of `steps[i]` steps owed. */
  function play(steps: number[]): ReturnType<typeof playbackStats> {
    resetPlaybackStats();
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    for (const s of steps) {
      notePlaybackFrame(s);
      now += 1000 / 60;
    }
    return playbackStats();
  }

  it('a run that skips nothing draws 60 steps per second at 1×', () => {
    const r = play(Array(301).fill(1));
    expect(r.skipped).toBe(0);
    expect(r.framesPerSecond).toBeCloseTo(60, 9);
    expect(r.stepsPerSecond).toBeCloseTo(60, 9);
  });

  it('counts the steps a late frame skipped, and the frames that drew', () => {
    // A missed frame: the next one owes two steps and draws the second.
    const r = play([1, 1, 2, 1, 3, 1]);
    expect(r.frames).toBe(6);
    expect(r.steps).toBe(9);
    expect(r.skipped).toBe(3);
    expect(r.stepsPerSecond).toBeCloseTo((9 - 1) / (5 / 60), 9);
    expect(r.framesPerSecond).toBeCloseTo(60, 9);
  });
});
