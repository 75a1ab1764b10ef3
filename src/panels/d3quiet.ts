/**
 * d3 selections that write only what changed. `selection.attr(name, value)` and
 * `selection.text(value)` set every node's attribute or text even when it already has that value;
 * Blink still invalidates layout and paint for such a write (an SVG geometry attribute, a new text
 * node), and the panels redraw their static parts (labels, overlays, axis titles) with d3's joins
 * on every frame of a drag or playback. Extended through `selection.prototype`, which d3 documents
 * for this purpose: same arguments, same results, minus the writes that change nothing.
 * Imported once, by chart.ts, before any panel draws; `setIfChanged` is the same for one element.
 */
import { namespace, selection } from 'd3';

/** Sets an attribute only when its value changes (a repeated `d` would be re-parsed and repainted). */
export function setIfChanged(el: Element | null, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Sets an element's text only when it changes, and in its one text node where it has one: a new
 * text node (what `textContent =` makes) is a layout object removed and another added.
 */
export function setText(el: Element, s: string): void {
  const t = el.firstChild;
  if (t && t === el.lastChild && t.nodeType === 3 && s) {
    if ((t as Text).data !== s) (t as Text).data = s;
  } else if (el.textContent !== s) el.textContent = s;
}

type Value = string | number | boolean | null | undefined;
type ValueFn = (this: Element, d: unknown, i: number, nodes: ArrayLike<Element>) => Value;

interface Proto {
  attr(this: unknown, name: string, value?: Value | ValueFn): unknown;
  text(this: unknown, value?: Value | ValueFn): unknown;
  each(
    this: unknown,
    fn: (this: Element, d: unknown, i: number, nodes: ArrayLike<Element>) => void,
  ): unknown;
}

const proto = selection.prototype as unknown as Proto;
const d3attr = proto.attr;
const d3text = proto.text;

proto.attr = function (...args: [string, (Value | ValueFn)?]) {
  const [name, value] = args;
  // A read, or a namespaced attribute (xlink:…): d3 as it is.
  if (args.length < 2 || typeof namespace(name) !== 'string') return d3attr.apply(this, args);
  return proto.each.call(this, function (d, i, nodes) {
    const v = typeof value === 'function' ? value.call(this, d, i, nodes) : value;
    if (v == null) this.removeAttribute(name);
    else setIfChanged(this, name, String(v));
  });
};

proto.text = function (...args: [(Value | ValueFn)?]) {
  const [value] = args;
  if (args.length < 1) return d3text.call(this);
  return proto.each.call(this, function (d, i, nodes) {
    const v = typeof value === 'function' ? value.call(this, d, i, nodes) : value;
    setText(this, v == null ? '' : String(v));
  });
};
