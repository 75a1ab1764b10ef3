/**
 * URL codec (DESIGN §6): `v=<version>` plus every parameter that differs from its default.
 * Decoding validates each key on its own, clamps or falls back per key, never throws, and
 * reports every fix as a plain-words notice. Drawn signals are quantised and compressed with
 * lz-string.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import {
  defaultParams,
  PARAM_NAMES,
  schema,
  SCHEMA_VERSION,
  type Field,
  type Params,
  type ParamName,
} from './schema';
import { msg, type Msg } from './i18n/msg';

export interface Decoded {
  params: Params;
  /** What decoding fixed, as messages (bundles/url.ts), in the order it found them. */
  notices: Msg[];
}

/**
 * Migrations from version v to v+1, applied in order to the raw key → value map; each reports
 * what it had to drop in `notices`.
 */
export const migrations: Record<number, (q: Map<string, string>, notices: Msg[]) => void> = {
  // 0 → 1: links made before versioning used `delta` for Δ.
  0: (q, notices) => {
    const d = q.get('delta');
    if (d === undefined) return;
    // A link with both says two things about Δ: `dt` wins, and dropping `delta` is a fix.
    if (q.has('dt')) notices.push(msg('url.deltaAndDt'));
    else q.set('dt', d);
    q.delete('delta');
  },
};

const SAMPLE_SCALE = 1000; // drawn samples are stored to 1e-3
/** Longest query read; the rest is dropped. */
export const MAX_QUERY_CHARS = 100_000;
/**
 * Longest drawn-signal payload read. encode writes at most ≈ 3,600 characters (1,024 samples of
 * white noise over [−10, 10]); an lz-string stream can expand quadratically (the LZW “cScSc”
 * case: n codes → ≈ n²/2 characters), so a crafted 70 kB payload would expand to ≈ 450 M
 * characters and freeze the tab. Under this cap the worst case costs tens of milliseconds.
 */
export const MAX_SAMPLES_CHARS = 8192;
/** Longest decompressed text read, per sample allowed. */
export const MAX_CHARS_PER_SAMPLE = 24;

/** −0 → +0: "-0" or a rounded −0.4 is not a fixed point of store.coerce, and prints as 0. */
const plusZero = (x: number): number => x + 0;

/** A comma-separated number list; an empty entry is NaN (Number('') would make it 0). */
const numberList = (text: string): number[] =>
  text.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));

function encodeValue(f: Field, v: unknown): string {
  switch (f.kind) {
    case 'bool':
      return v ? '1' : '0';
    case 'set':
      return (v as string[]).join(',');
    case 'array':
      return (v as number[]).map((x) => String(+x.toPrecision(12))).join(',');
    case 'samples':
      return compressToEncodedURIComponent(
        (v as number[]).map((x) => Math.round(x * SAMPLE_SCALE)).join(','),
      );
    case 'float':
      return String(+(v as number).toPrecision(12));
    default:
      return String(v);
  }
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function encode(p: Params): string {
  const q = new URLSearchParams();
  q.set('v', String(SCHEMA_VERSION));
  const d = defaultParams();
  for (const name of PARAM_NAMES) {
    if (!same(p[name], d[name])) q.set(schema[name].key, encodeValue(schema[name], p[name]));
  }
  return q.toString();
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A parameter as notices name it: its label in the reader's language and its URL key. */
const labelOf = (name: ParamName): Msg =>
  msg('url.label', { name: msg(`param.${name}.label`), key: schema[name].key });

function decodeValue(name: ParamName, raw: string, notices: Msg[]): unknown {
  const f: Field = schema[name];
  const label = labelOf(name);
  const text = raw.slice(0, 40);
  const fallback = (why: Msg): unknown => {
    // An empty default (the drawn signal) would otherwise print as its lz-string, 'Q'.
    const shown =
      Array.isArray(f.default) && f.default.length === 0 ? '' : encodeValue(f, f.default);
    notices.push(msg('url.fallback', { label, why, value: shown || msg('url.none') }));
    return Array.isArray(f.default) ? [...f.default] : f.default;
  };
  switch (f.kind) {
    case 'enum':
      return f.options.includes(raw)
        ? raw
        : fallback(msg('url.why.option', { raw: text, options: f.options.join(', ') }));
    case 'bool':
      return raw === '1' || raw === 'true'
        ? true
        : raw === '0' || raw === 'false'
          ? false
          : fallback(msg('url.why.bool'));
    case 'int':
    case 'float': {
      const x = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(x)) return fallback(msg('url.why.number', { raw: text }));
      let y = f.kind === 'int' ? Math.round(x) : x;
      if (y < f.min || y > f.max) {
        y = clamp(y, f.min, f.max);
        notices.push(msg('url.clamped', { label, raw: text, min: f.min, max: f.max, value: y }));
      } else if (y !== x) {
        notices.push(msg('url.rounded', { label, raw: text, value: y }));
      }
      return plusZero(y);
    }
    case 'array': {
      const parts = numberList(raw).map(plusZero);
      if (
        parts.length < f.minLength ||
        parts.length > f.maxLength ||
        parts.some((x) => !Number.isFinite(x))
      ) {
        return fallback(msg('url.why.list', { min: f.minLength, max: f.maxLength }));
      }
      if (parts.some((x) => x < f.min || x > f.max)) {
        notices.push(msg('url.valuesClamped', { label, min: f.min, max: f.max }));
        return parts.map((x) => clamp(x, f.min, f.max));
      }
      return parts;
    }
    case 'set': {
      // Sets are read in any order and with repeats; stored in the options' order.
      const ids = raw === '' ? [] : raw.split(',');
      const unknown = ids.filter((id) => !(f.options as readonly string[]).includes(id));
      if (unknown.length) {
        const ids =
          unknown
            .slice(0, 5)
            .map((id) => `“${id.slice(0, 20)}”`)
            .join(', ') + (unknown.length > 5 ? ' …' : '');
        const key = unknown.length === 1 ? 'url.unknownId' : 'url.unknownIds';
        notices.push(msg(key, { label, ids, known: f.options.join(', ') }));
      }
      return f.options.filter((o) => ids.includes(o));
    }
    case 'samples': {
      if (raw.length > MAX_SAMPLES_CHARS) return fallback(msg('url.why.drawnLong'));
      let unpacked: string | null = null;
      try {
        unpacked = decompressFromEncodedURIComponent(raw);
      } catch {
        unpacked = null;
      }
      if (!unpacked) return fallback(msg('url.why.drawnUnreadable'));
      // encode writes ≤ 7 characters a sample ("-10000,"); a far longer text is a bomb that
      // got under MAX_SAMPLES_CHARS (≈ 10 M characters at most): do not split it.
      if (unpacked.length > f.maxLength * MAX_CHARS_PER_SAMPLE)
        return fallback(msg('url.why.drawnCorrupt'));
      const xs = numberList(unpacked).map((k) => plusZero(k / SAMPLE_SCALE));
      if (xs.length > f.maxLength || xs.some((x) => !Number.isFinite(x)))
        return fallback(msg('url.why.drawnCorrupt'));
      // Clamping is a fix like any other: say so.
      if (xs.some((x) => x < -10 || x > 10)) {
        notices.push(msg('url.samplesClamped', { label }));
        return xs.map((x) => clamp(x, -10, 10));
      }
      return xs;
    }
  }
}

/** Never throws: every key is validated on its own; unknown keys are reported and ignored. */
export function decode(search: string): Decoded {
  const params = defaultParams();
  const notices: Msg[] = [];
  let entries: [string, string][] = [];
  if (search.length > MAX_QUERY_CHARS)
    notices.push(msg('url.tooLong', { n: MAX_QUERY_CHARS.toLocaleString('en') }));
  try {
    entries = [...new URLSearchParams(search.slice(0, MAX_QUERY_CHARS)).entries()];
  } catch {
    notices.push(msg('url.unreadable'));
  }
  const q = new Map<string, string>();
  for (const [k, v] of entries) {
    if (q.has(k)) notices.push(msg('url.repeated', { key: k.slice(0, 20) }));
    q.set(k, v);
  }
  let version = SCHEMA_VERSION;
  if (q.has('v')) {
    // Digits only: Number('') and Number(' ') are 0, which would read v= as version 0.
    const raw = q.get('v')!;
    const v = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (v <= SCHEMA_VERSION) version = v;
    else
      notices.push(
        msg('url.version', { v: String(q.get('v')).slice(0, 20), current: SCHEMA_VERSION }),
      );
  } else if (q.size > 0) {
    version = 0;
  }
  for (let v = version; v < SCHEMA_VERSION; v++) migrations[v]?.(q, notices);
  q.delete('v');
  const byKey = new Map(PARAM_NAMES.map((n) => [schema[n].key, n] as const));
  for (const [k, raw] of q) {
    const name = byKey.get(k);
    if (!name) {
      notices.push(msg('url.unknownKey', { key: k.slice(0, 20) }));
      continue;
    }
    (params as Record<string, unknown>)[name] = decodeValue(name, raw, notices);
  }
  if (params.signal === 'drawn' && params.drawn.length < 2) {
    notices.push(msg('url.drawnMissing', { label: labelOf('signal') }));
    params.signal = 'sines';
  }
  return { params, notices };
}
