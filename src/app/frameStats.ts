/**
 * Interaction latency: from an input event (pointer, keyboard, slider) to the end of the task
 * that handled it, by which time React has committed and every panel's layout effect has drawn
 * (panels draw synchronously in useLayoutEffect). A message-channel tick fires right after that
 * task, before the next frame's rendering.
 */
const samples: number[] = [];
const MAX = 2000;
let pending: number | null = null;
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;

function done(): void {
  if (pending === null) return;
  samples.push(performance.now() - pending);
  if (samples.length > MAX) samples.shift();
  pending = null;
}
if (channel) channel.port1.onmessage = done;

function onInput(ev: Event): void {
  if (pending !== null) return;
  pending = ev.timeStamp > 0 ? Math.min(ev.timeStamp, performance.now()) : performance.now();
  if (channel) channel.port2.postMessage(0);
  else setTimeout(done, 0);
}

export function startFrameStats(): void {
  for (const type of ['input', 'change', 'pointerdown', 'pointermove', 'keydown']) {
    window.addEventListener(type, onInput, { capture: true, passive: true });
  }
}

export function frameStats(): { count: number; p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : 0);
  return { count: s.length, p50: q(0.5), p95: q(0.95), max: s.length ? s[s.length - 1]! : 0 };
}

export function resetFrameStats(): void {
  samples.length = 0;
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
