/**
 * Draws the basis panel's canvas of all N terms (termsCanvas.ts) on the OffscreenCanvas it was
 * given. Frames that arrive while one is being drawn are skipped for the newest.
 */
import { drawTerms, type TermsFrame, type TermsGrid } from './termsCanvas';

let canvas: OffscreenCanvas | null = null;
let grid: TermsGrid | null = null;
let latest: TermsFrame | null = null;
let scheduled = false;

self.onmessage = (
  e: MessageEvent<{ canvas?: OffscreenCanvas; grid?: TermsGrid; frame?: TermsFrame }>,
) => {
  if (e.data.canvas) canvas = e.data.canvas;
  if (e.data.grid) grid = e.data.grid;
  if (!e.data.frame) return;
  latest = e.data.frame;
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    if (canvas && latest) drawTerms(canvas, grid, latest);
    latest = null;
  }, 0);
};
