/**
 * The lab's whole state as a JSON file, and reading one back. Import goes through the same
 * per-field validation as the URL codec (store.coerce: type, range, enum): unknown keys are
 * ignored, wrong values fall back to the default, out-of-range numbers are clamped — each said
 * in words. A file that is not JSON, or not an SSM Lab state, is rejected whole.
 */
import { coerce } from '../../state/store';
import {
  defaultParams,
  PARAM_NAMES,
  schema,
  SCHEMA_VERSION,
  type ParamName,
  type Params,
} from '../../state/schema';

export const STATE_APP = 'ssm-lab';

/** A message for the UI: an i18n key of the export bundle and its variables. */
export interface Msg {
  key: string;
  vars?: Record<string, string | number>;
}

export interface StateFile {
  app: typeof STATE_APP;
  v: number;
  params: Params;
}

export function stateToJson(params: Params): string {
  const file: StateFile = { app: STATE_APP, v: SCHEMA_VERSION, params };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type StateImport = { ok: true; params: Params; notices: Msg[] } | { ok: false; error: Msg };

/** Longest state file read (a full drawn signal is ≈ 10 kB). */
export const MAX_STATE_CHARS = 1_000_000;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const shown = (v: unknown): string => {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => Number(x) === b[i])
    : a === b || (typeof a === 'number' && a === b);

/** Reads a state file's text; never throws. */
export function parseState(text: string): StateImport {
  if (text.length > MAX_STATE_CHARS)
    return { ok: false, error: { key: 'export.state.tooBig', vars: { max: MAX_STATE_CHARS } } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: { key: 'export.state.notJson', vars: { why: (e as Error).message.slice(0, 80) } },
    };
  }
  if (!isRecord(data) || data.app !== STATE_APP || !isRecord(data.params))
    return { ok: false, error: { key: 'export.state.notState' } };
  const notices: Msg[] = [];
  const v = data.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > SCHEMA_VERSION)
    notices.push({
      key: 'export.state.version',
      vars: { v: shown(v), current: SCHEMA_VERSION },
    });
  const params = defaultParams();
  for (const [k, value] of Object.entries(data.params)) {
    if (!PARAM_NAMES.includes(k as ParamName)) {
      notices.push({ key: 'export.state.unknown', vars: { key: k.slice(0, 30) } });
      continue;
    }
    const name = k as ParamName;
    const f = schema[name];
    const c = coerce(name, value);
    if (c === undefined) {
      notices.push({
        key: 'export.state.invalid',
        vars: { name: f.label, value: shown(value), fallback: shown(f.default) },
      });
      continue;
    }
    if (!sameValue(value, c))
      notices.push({
        key: 'export.state.adjusted',
        vars: { name: f.label, value: shown(value), fixed: shown(c) },
      });
    (params as Record<string, unknown>)[name] = c;
  }
  if (params.signal === 'drawn' && params.drawn.length < 2) {
    notices.push({ key: 'export.state.noDrawn' });
    params.signal = 'sines';
  }
  return { ok: true, params, notices };
}
