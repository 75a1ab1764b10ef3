/**
 * Interaction latency: from the moment the page receives an input event (pointer, keyboard,
 * slider) to the end of the task that handled it, by which time React has committed, every panel's
 * layout effect has drawn (panels draw synchronously in useLayoutEffect) and, for pointer input
 * (dispatched at the start of a frame), the frame has been laid out and painted. A message-channel
 * tick fires right after that task.
 *
 * `fromEvent` also counts the time before the page received the event, from its timeStamp: the
 * browser holds pointer moves until the next frame begins, so this adds up to a frame of waiting
 * that no page can shorten. A scripted drag that waits for each move before sending the next
 * meets that wait on almost every move: dragging the speed slider, which redraws nothing but
 * itself, measures about 4 ms here and about 13 ms from the timeStamp (bench/README.md).
 */
interface Sample {
  received: number;
  created: number;
}
const handled: number[] = [];
const fromEvent: number[] = [];
const MAX = 2000;
let pending: Sample | null = null;
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;

function push(list: number[], v: number): void {
  list.push(v);
  if (list.length > MAX) list.shift();
}

function done(): void {
  if (pending === null) return;
  const now = performance.now();
  push(handled, now - pending.received);
  push(fromEvent, now - pending.created);
  pending = null;
}
if (channel) channel.port1.onmessage = done;

function onInput(ev: Event): void {
  if (pending !== null) return;
  const received = performance.now();
  pending = { received, created: ev.timeStamp > 0 ? Math.min(ev.timeStamp, received) : received };
  if (channel) channel.port2.postMessage(0);
  else setTimeout(done, 0);
}

export function startFrameStats(): void {
  for (const type of ['input', 'change', 'pointerdown', 'pointermove', 'keydown']) {
    window.addEventListener(type, onInput, { capture: true, passive: true });
  }
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

function percentiles(list: number[]): Percentiles {
  const s = [...list].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : 0);
  return { count: s.length, p50: q(0.5), p95: q(0.95), max: s.length ? s[s.length - 1]! : 0 };
}

export function frameStats(): Percentiles & { fromEvent: Percentiles } {
  return { ...percentiles(handled), fromEvent: percentiles(fromEvent) };
}

export function resetFrameStats(): void {
  handled.length = 0;
  fromEvent.length = 0;
}

/**
 * Playback rate: each animation frame of playback that advanced the cursor draws one step, the
 * newest it owes; the others it owed are skipped (never drawn). `stepsPerSecond` counts cursor
 * steps (time-based: speed × 60 per second), `framesPerSecond` the frames that drew a new cursor
 * position, both over the time from the first such frame to the last (the first frame's own
 * steps are before that window). At 1× a run that skips nothing draws 60 steps per second, ± the
 * quantisation of its window (about ± 0.1 over 5 s): `skipped` says whether any step was lost.
 */
let playFrames = 0;
let playSteps = 0;
let playFirst = 0;
let playSkipped = 0;
let playStart: number | null = null;
let playLast = 0;

export function notePlaybackFrame(steps: number): void {
  const now = performance.now();
  if (playStart === null) {
    playStart = now;
    playFirst = steps;
  }
  playLast = now;
  playFrames++;
  playSteps += steps;
  playSkipped += Math.abs(steps) - 1;
}

export function playbackStats(): {
  seconds: number;
  frames: number;
  steps: number;
  skipped: number;
  framesPerSecond: number;
  stepsPerSecond: number;
} {
  const seconds = playStart === null ? 0 : (playLast - playStart) / 1000;
  return {
    seconds,
    frames: playFrames,
    steps: playSteps,
    skipped: playSkipped,
    framesPerSecond: seconds > 0 ? (playFrames - 1) / seconds : 0,
    stepsPerSecond: seconds > 0 ? (playSteps - playFirst) / seconds : 0,
  };
}

export function resetPlaybackStats(): void {
  playFrames = playSteps = playFirst = playSkipped = 0;
  playStart = null;
}
