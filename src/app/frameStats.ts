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
 * Playback rate: each animation frame of playback that advanced the cursor is one step drawn.
 * `stepsPerSecond` counts cursor steps (time-based: speed × 60 per second), `framesPerSecond`
 * the frames that drew a new cursor position.
 */
let playFrames = 0;
let playSteps = 0;
let playStart: number | null = null;
let playLast = 0;

export function notePlaybackFrame(steps: number): void {
  const now = performance.now();
  playStart ??= now;
  playLast = now;
  playFrames++;
  playSteps += steps;
}

export function playbackStats(): {
  seconds: number;
  frames: number;
  steps: number;
  framesPerSecond: number;
  stepsPerSecond: number;
} {
  const seconds = playStart === null ? 0 : (playLast - playStart) / 1000;
  const rate = (n: number) => (seconds > 0 ? (n - 1) / seconds : 0);
  return {
    seconds,
    frames: playFrames,
    steps: playSteps,
    framesPerSecond: rate(playFrames),
    stepsPerSecond: seconds > 0 ? playSteps / seconds : 0,
  };
}

export function resetPlaybackStats(): void {
  playFrames = playSteps = 0;
  playStart = null;
}
