/**
 * A panel's plots as one standalone SVG or PNG. The plots are the panel's top-level <svg> and
 * <canvas> elements (not KaTeX's glyphs, not icons in buttons), placed where they sit on screen.
 * SVG: each plot cloned with its computed styles inlined (so it renders without the page's CSS
 * and theme variables); canvases embedded as PNG images. PNG: the same layers drawn in page
 * order onto one canvas at devicePixelRatio 2.
 */

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'shape-rendering',
  'vector-effect',
  'stop-color',
  'stop-opacity',
] as const;

/** Not inherited: written when not at their initial value. */
const NOT_INHERITED: Partial<Record<(typeof STYLE_PROPS)[number], string>> = {
  opacity: '1',
  display: 'inline',
  'vector-effect': 'none',
  'stop-color': 'rgb(0, 0, 0)',
  'stop-opacity': '1',
};

const SVG_NS = 'http://www.w3.org/2000/svg';
export const EXPORT_SCALE = 2;

interface Layer {
  el: SVGSVGElement | HTMLCanvasElement;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Layout {
  layers: Layer[];
  width: number;
  height: number;
  background: string;
}

function isShown(el: Element): boolean {
  const s = getComputedStyle(el);
  return s.display !== 'none' && s.visibility !== 'hidden';
}

/** The panel's plot layers in page order, relative to their union's top-left corner. */
export function plotLayout(root: Element): Layout | null {
  const found = [...root.querySelectorAll('svg, canvas')].filter((el) => {
    if (el.closest('.equation, .katex, button, .panel-menu, [data-export-skip]')) return false;
    if (el instanceof SVGSVGElement && el.parentElement?.closest('svg')) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 24 && r.height >= 24 && isShown(el);
  }) as (SVGSVGElement | HTMLCanvasElement)[];
  if (!found.length) return null;
  const rects = found.map((el) => el.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const layers = found.map((el, i) => {
    const r = rects[i]!;
    return { el, x: r.left - left, y: r.top - top, w: r.width, h: r.height };
  });
  let background = 'transparent';
  for (let e: Element | null = root; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
      background = bg;
      break;
    }
  }
  return { layers, width: Math.ceil(right - left), height: Math.ceil(bottom - top), background };
}

/** A deep clone of an SVG element with every element's computed style written inline. */
function inlineClone(src: SVGSVGElement, w: number, h: number): SVGSVGElement {
  const copy = src.cloneNode(true) as SVGSVGElement;
  const a = [src, ...src.querySelectorAll('*')];
  const b = [copy, ...copy.querySelectorAll('*')];
  // Styles written inline: all of them on the root, then only what differs from the parent
  // (inherited properties) or from the initial value (the others), to keep the file small.
  const computed = new Map<Element, CSSStyleDeclaration>();
  a.forEach((el, i) => {
    const c = b[i];
    if (!c) return;
    const s = getComputedStyle(el);
    computed.set(el, s);
    const parent = el === src ? undefined : computed.get(el.parentElement as Element);
    const decl: string[] = [];
    for (const p of STYLE_PROPS) {
      const v = s.getPropertyValue(p);
      const initial = NOT_INHERITED[p];
      if (initial !== undefined ? v !== initial : !parent || parent.getPropertyValue(p) !== v)
        decl.push(`${p}:${v}`);
    }
    if (decl.length) c.setAttribute('style', decl.join(';'));
    else c.removeAttribute('style');
    c.removeAttribute('class');
    // Presentation attributes that name the page's CSS variables mean nothing standalone.
    for (const attr of [...c.attributes])
      if (attr.value.includes('var(--')) c.removeAttribute(attr.name);
  });
  // Hover-only decorations and focus rings stay as drawn; interactive attributes go.
  for (const el of b) {
    el.removeAttribute('tabindex');
    el.removeAttribute('data-testid');
  }
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${w} ${h}`);
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  return copy;
}

function serialise(node: Element): string {
  return new XMLSerializer().serializeToString(node);
}

/** The composite standalone SVG document, or null when the panel shows no plot. */
export function panelSvg(root: Element, title: string): string | null {
  const layout = plotLayout(root);
  if (!layout) return null;
  const { width, height, background } = layout;
  const doc = document.createElementNS(SVG_NS, 'svg');
  doc.setAttribute('xmlns', SVG_NS);
  doc.setAttribute('width', String(width));
  doc.setAttribute('height', String(height));
  doc.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const t = document.createElementNS(SVG_NS, 'title');
  t.textContent = title;
  doc.append(t);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  doc.append(bg);
  for (const l of layout.layers) {
    if (l.el instanceof HTMLCanvasElement) {
      const img = document.createElementNS(SVG_NS, 'image');
      img.setAttribute('x', String(l.x));
      img.setAttribute('y', String(l.y));
      img.setAttribute('width', String(l.w));
      img.setAttribute('height', String(l.h));
      img.setAttribute('preserveAspectRatio', 'none');
      img.setAttribute('href', l.el.toDataURL('image/png'));
      doc.append(img);
    } else {
      const c = inlineClone(l.el, l.w, l.h);
      c.setAttribute('x', String(l.x));
      c.setAttribute('y', String(l.y));
      doc.append(c);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(doc)}`;
}

function loadSvgImage(svg: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the plot could not be rendered as an image'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

/** The panel's plots as a PNG at EXPORT_SCALE × their CSS size, or null when there is none. */
export async function panelPng(root: Element): Promise<Blob | null> {
  const layout = plotLayout(root);
  if (!layout) return null;
  const s = EXPORT_SCALE;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(layout.width * s));
  canvas.height = Math.max(1, Math.round(layout.height * s));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas available');
  ctx.fillStyle = layout.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const l of layout.layers) {
    if (l.el instanceof HTMLCanvasElement) {
      if (l.el.width && l.el.height) ctx.drawImage(l.el, l.x * s, l.y * s, l.w * s, l.h * s);
      continue;
    }
    // Rasterise each SVG at the target resolution (not drawn small and scaled up).
    const c = inlineClone(l.el, l.w, l.h);
    const wrap = document.createElementNS(SVG_NS, 'svg');
    wrap.setAttribute('xmlns', SVG_NS);
    wrap.setAttribute('width', String(l.w * s));
    wrap.setAttribute('height', String(l.h * s));
    wrap.setAttribute('viewBox', `0 0 ${l.w} ${l.h}`);
    wrap.append(c);
    const img = await loadSvgImage(serialise(wrap));
    ctx.drawImage(img, l.x * s, l.y * s, l.w * s, l.h * s);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
