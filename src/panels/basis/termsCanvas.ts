/**
 * The basis panel's canvas of all N terms, drawn off the main thread. Stroking N curves of a few
 * hundred points is cheap to record but costs ~2 ms to rasterise, and a canvas drawn on the main
 * thread rasterises there, when the frame commits: in playback that was the largest single cost
 * of a frame. Where the browser can, the canvas is handed to a worker (OffscreenCanvas) that
 * draws each frame's curves; elsewhere, or if that worker fails, the same drawing runs here.
 * The page still reads the canvas as usual (toDataURL and drawImage see the worker's last frame).
 */

/**
 * The basis on the canvas's grid: φ_n at G evenly spaced window positions, term-major
 * (phi[n·G + j]). Sent to the painter once per grid; each frame then carries only the N
 * coefficients, and the terms x_n φ_n are formed where they are drawn.
 */
export interface TermsGrid {
  G: number;
  phi: Float32Array;
}

/** One frame of the canvas, in CSS pixels: term n at column j is drawn at
 * (j/(G−1)·width, ya·x_n·φ_n(s_j) + yb) (a non-finite x_n draws nothing). */
export interface TermsFrame {
  width: number;
  height: number;
  dpr: number;
  colour: string;
  /** Alpha of the faint curves (the strong ones are opaque and wider). */
  alpha: number;
  coeffs: Float64Array;
  ya: number;
  yb: number;
  strong: number[];
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export function drawTerms(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  grid: TermsGrid | null,
  f: TermsFrame,
): void {
  const cw = Math.round(f.width * f.dpr);
  const ch = Math.round(f.height * f.dpr);
  if (canvas.width !== cw) canvas.width = cw;
  if (canvas.height !== ch) canvas.height = ch;
  const ctx = canvas.getContext('2d') as Ctx2D | null;
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, cw, ch);
  const N = f.coeffs.length;
  if (!grid || !N || grid.phi.length < N * grid.G) return;
  const { G, phi } = grid;
  const dx = G > 1 ? f.width / (G - 1) : 0;
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
  ctx.strokeStyle = f.colour;
  const trace = (n: number) => {
    const a = f.ya * f.coeffs[n]!;
    if (!Number.isFinite(a)) return;
    const o = n * G;
    ctx.moveTo(0, a * phi[o]! + f.yb);
    for (let j = 1; j < G; j++) ctx.lineTo(j * dx, a * phi[o + j]! + f.yb);
  };
  const strong = new Set(f.strong);
  ctx.globalAlpha = f.alpha;
  ctx.lineWidth = 0.8;
  ctx.beginPath();
  for (let n = 0; n < N; n++) if (!strong.has(n)) trace(n);
  ctx.stroke();
  // The strongest few, emphasised (labelled with n in the SVG).
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1.6;
  ctx.beginPath();
  for (const n of f.strong) trace(n);
  ctx.stroke();
}

const painters = new WeakMap<HTMLCanvasElement, TermsPainter>();

/**
 * Paints frames on one canvas element: in a worker where it can, else here. A canvas handed to a
 * worker cannot be drawn on the page again, so there is one painter per element, for its life.
 */
export class TermsPainter {
  private worker: Worker | null = null;
  /** The worker failed: the canvas it took cannot be drawn (the panel makes a new one). */
  private lost = false;
  /** The grid last sent (by identity of its φ), and its float32 copy for drawing here. */
  private gridOf: Float64Array | null = null;
  private grid: TermsGrid | null = null;

  /** The painter of `canvas`, made on first use (`worker`: try to draw off the main thread). */
  static of(canvas: HTMLCanvasElement, worker: boolean, onLost: () => void): TermsPainter {
    let p = painters.get(canvas);
    if (!p) {
      p = new TermsPainter(canvas, worker, onLost);
      painters.set(canvas, p);
    }
    return p;
  }

  private constructor(
    private readonly canvas: HTMLCanvasElement,
    worker: boolean,
    /** Called if the worker fails after taking the canvas: the element cannot be drawn again. */
    private readonly onLost: () => void,
  ) {
    if (!worker || typeof Worker === 'undefined' || !('transferControlToOffscreen' in canvas)) {
      return;
    }
    let w: Worker;
    try {
      w = new Worker(new URL('./termsCanvas.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return; // no module workers: draw here
    }
    const offscreen = canvas.transferControlToOffscreen();
    w.postMessage({ canvas: offscreen }, [offscreen]);
    w.onerror = () => {
      this.dispose();
      this.onLost();
    };
    this.worker = w;
  }

  /** Whether frames are drawn by the worker. */
  get offMainThread(): boolean {
    return this.worker !== null;
  }

  /** Draws a frame of the terms x_n φ_n on the grid `phi` (G points per term). */
  paint(G: number, phi: Float64Array, frame: TermsFrame): void {
    if (this.lost) return;
    if (phi !== this.gridOf) {
      this.gridOf = phi;
      this.grid = { G, phi: Float32Array.from(phi) };
      this.gridSent = false;
    }
    if (!this.worker) return drawTerms(this.canvas, this.grid, frame);
    // coeffs may be a view into a long buffer (all states of the run): post only its values.
    const pending = this.pending;
    this.pending = { ...frame, coeffs: frame.coeffs.slice() };
    // Posted once the page's frame is done: a message wakes the worker, and on a machine with
    // few cores the woken worker takes the core from the main thread in the middle of its frame.
    if (!pending) setTimeout(() => this.post(), 0);
  }

  private gridSent = false;
  private pending: TermsFrame | null = null;

  private post(): void {
    const frame = this.pending;
    this.pending = null;
    if (!this.worker || !frame) return;
    if (!this.gridSent) {
      this.gridSent = true;
      this.worker.postMessage({ grid: this.grid });
    }
    this.worker.postMessage({ frame });
  }

  /** Ends the worker once the canvas has left the page (not when React only re-runs effects). */
  release(): void {
    setTimeout(() => {
      if (!this.canvas.isConnected) this.dispose();
    }, 0);
  }

  private dispose(): void {
    if (this.worker) this.lost = true;
    this.worker?.terminate();
    this.worker = null;
  }
}
