/**
 * The global time cursor: play/pause, step, speed and a scrubber that every panel follows.
 * Playback advances the cursor in time, 60 × speed samples per second, drawing the newest one
 * each frame (a slow frame skips samples rather than slowing time down).
 */
import { useEffect, useMemo } from 'react';
import { useT } from '../state/i18n';
import { schema } from '../state/schema';
import { lab, setParams, setUi, useParam, useUi } from '../state/store';
import { Slider } from './Controls';
import { notePlaybackFrame } from './frameStats';

export function cursorIndex(cursor: number, L: number): number {
  return Math.min(L - 1, Math.max(0, Math.round(cursor * (L - 1))));
}

function step(by: number): void {
  const { cursor, L } = lab.getState().params;
  const k = cursorIndex(cursor, L) + by;
  setParams({ cursor: L > 1 ? (((k % L) + L) % L) / (L - 1) : 0 });
}

const K_STYLE = { minWidth: '6.5em', fontSize: 'var(--size-small)' } as const;
const speedLabel = (v: number) => `${+v.toPrecision(2)}×`;

export function TimeBar() {
  const playing = useUi((u) => u.playing);
  const cursor = useParam('cursor');
  const L = useParam('L');
  const k = cursorIndex(cursor, L);
  const t = useT();

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let carry = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      const { speed } = lab.getState().params;
      // Seconds since the last frame, at most 0.1 (a hidden tab does not jump ahead on return).
      const dt = last === null ? 1 / 60 : Math.min(0.1, Math.max(0, (now - last) / 1000));
      last = now;
      // Steps owed, rounded to the nearest: at 60 frames per second each frame owes one step ±
      // the jitter of its timestamp, which floor() turned into a frame of none and then one of two.
      carry += speed * 60 * dt;
      const whole = Math.round(carry);
      carry -= whole;
      if (whole) {
        step(whole);
        notePlaybackFrame(whole);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  // Kept as elements while the same: during playback the bar re-renders every frame for k.
  const buttons = useMemo(
    () => (
      <>
        <button
          type="button"
          data-param="play"
          aria-pressed={playing}
          onClick={() => setUi({ playing: !playing })}
        >
          {playing ? t('app.time.pause') : t('app.time.play')}
        </button>
        <button type="button" aria-label={t('app.time.back')} onClick={() => step(-1)}>
          ◀
        </button>
        <button type="button" aria-label={t('app.time.forward')} onClick={() => step(1)}>
          ▶
        </button>
      </>
    ),
    [playing, t],
  );
  const speed = useMemo(() => <Slider name="speed" format={speedLabel} />, []);
  return (
    <div className="timebar" role="group" aria-label={t('app.time.group')}>
      {buttons}
      <input
        type="range"
        aria-label={t('app.time.cursor')}
        title={t('app.time.help')}
        data-param={schema.cursor.key}
        min={0}
        max={Math.max(1, L - 1)}
        value={k}
        aria-valuetext={t('app.time.valuetext', { k, L })}
        onChange={(e) => setParams({ cursor: Number(e.target.value) / Math.max(1, L - 1) })}
      />
      <output className="num" style={K_STYLE}>
        k = {k}
      </output>
      {speed}
    </div>
  );
}
