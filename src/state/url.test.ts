/**
 * The URL codec (DESIGN §6, STYLE §2 habit 5) against its spec, with fast-check (fixed seed):
 *
 * - round trip: decode(encode(p)) ≡ p, with no notices, for random valid p drawn from the
 *   schema (one arbitrary per field kind);
 * - fuzz: 10,000 random and malformed query strings decode without throwing to a valid state
 *   (every field is a fixed point of `coerce`), and every fix is named in a notice. The oracle
 *   (`oracle` below) is an independent, deliberately plain reading of the spec: the last value of
 *   a key wins, a value is read as Number()/its enum/0|1, a usable value is coerced exactly as
 *   setParams would coerce it, an unusable one falls back to the default;
 * - migration: the version-0 links in test/fixtures/url/v0.json, and unknown versions;
 * - size: 512 drawn samples fit in a link of under 2,000 characters.
 */
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';

import v0Fixture from '../../test/fixtures/url/v0.json';
import { gaussian, rng, signalPreset } from '../core/signals';
import {
  defaultParams,
  PARAM_NAMES,
  schema,
  SCHEMA_VERSION,
  type Field,
  type NumberField,
  type ParamName,
  type Params,
} from './schema';
import { coerce } from './store';
import { english, translate } from './i18n';
import {
  decode as decodeMessages,
  encode,
  MAX_CHARS_PER_SAMPLE,
  MAX_QUERY_CHARS,
  MAX_SAMPLES_CHARS,
} from './url';

/** decode, with its notices in English (the checks below read their words). */
function decode(search: string): {
  params: ReturnType<typeof decodeMessages>['params'];
  notices: string[];
} {
  const { params, notices } = decodeMessages(search);
  return { params, notices: notices.map(english) };
}

/** Fixed seed (override with FC_SEED=<n> to explore other draws locally). */
const SEED = Number(process.env.FC_SEED ?? 20260115);

const fieldOf = (name: ParamName): Field => schema[name] as Field;
const byKey = new Map(PARAM_NAMES.map((n) => [schema[n].key, n] as const));

// ---------------------------------------------------------------------------------------------
// Equality and validity

/** Deep equality that tells −0 from 0 (Object.is on numbers), as toEqual does. */
function identical(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => identical(x, b[i]));
  return Object.is(a, b);
}

/** −0 → 0, recursively: the two are the same parameter value. */
const noNegZero = <T>(v: T): T =>
  (Array.isArray(v) ? v.map(noNegZero) : typeof v === 'number' ? v + 0 : v) as T;

const show = (v: unknown): string => {
  const s = Array.isArray(v)
    ? `[${v.slice(0, 8).map(show).join(',')}${v.length > 8 ? `,… (${v.length})` : ''}]`
    : Object.is(v, -0)
      ? '-0'
      : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

/** What makes a state valid: every field a fixed point of coerce, in range, and no −0. */
function validityErrors(p: Params): string[] {
  const errors: string[] = [];
  const keys = Object.keys(p).sort();
  if (!identical(keys, [...PARAM_NAMES].sort())) errors.push(`keys ${keys.join(',')}`);
  const finiteIn = (x: unknown, lo: number, hi: number) =>
    typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi && !Object.is(x, -0);
  for (const name of PARAM_NAMES) {
    const f = fieldOf(name);
    const v = p[name];
    const c = coerce(name, v);
    if (!identical(c, v)) errors.push(`${name}: coerce(${show(v)}) = ${show(c)}`);
    let ok: boolean;
    switch (f.kind) {
      case 'enum':
        ok = (f.options as readonly unknown[]).includes(v);
        break;
      case 'bool':
        ok = typeof v === 'boolean';
        break;
      case 'int':
      case 'float':
        ok = finiteIn(v, f.min, f.max) && (f.kind === 'float' || Number.isInteger(v));
        break;
      case 'array':
        ok =
          Array.isArray(v) &&
          v.length >= f.minLength &&
          v.length <= f.maxLength &&
          v.every((x) => finiteIn(x, f.min, f.max));
        break;
      case 'samples':
        ok = Array.isArray(v) && v.length <= f.maxLength && v.every((x) => finiteIn(x, -10, 10));
        break;
      case 'set':
        // A subset of the options, in their order, without repeats.
        ok =
          Array.isArray(v) &&
          identical(
            v,
            f.options.filter((o) => (v as unknown[]).includes(o)),
          );
        break;
    }
    if (!ok) errors.push(`${name}: ${show(v)} is not a valid ${f.kind}`);
  }
  // The one cross-field rule: a drawn signal needs samples to draw.
  if (p.signal === 'drawn' && p.drawn.length < 2) errors.push('signal drawn with < 2 samples');
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries for valid parameters (one per field kind)

/** encode writes 12 significant digits: values already at 12 digits survive exactly. */
const digits12 = (x: number): number => +x.toPrecision(12) + 0;

function numberArb(f: NumberField, exact: boolean): fc.Arbitrary<number> {
  if (f.kind === 'int') {
    const uniform = fc.integer({ min: f.min, max: f.max });
    if (!f.log) return uniform;
    const logUniform = fc
      .double({ min: Math.log(f.min), max: Math.log(f.max), noNaN: true })
      .map((l) => Math.min(f.max, Math.max(f.min, Math.round(Math.exp(l)))));
    return fc.oneof(uniform, logUniform);
  }
  const uniform = fc.double({ min: f.min, max: f.max, noNaN: true, noDefaultInfinity: true });
  const logUniform = f.log
    ? fc
        .double({ min: Math.log(f.min), max: Math.log(f.max), noNaN: true })
        .map((l) => Math.min(f.max, Math.max(f.min, Math.exp(l))))
    : uniform;
  // Rounding to 12 digits is monotone and min/max have fewer digits: the result stays in range.
  const round = (x: number) => (exact ? digits12(x) : x + 0);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(f.min, f.max) },
    { weight: 4, arbitrary: uniform.map(round) },
    { weight: 4, arbitrary: logUniform.map(round) },
  );
}

/** Drawn samples as the draw tool stores them: multiples of 1e-3 in [−10, 10]. */
const samplesArb = (maxLength: number): fc.Arbitrary<number[]> => {
  const sample = fc.integer({ min: -10_000, max: 10_000 }).map((k) => k / 1000);
  return fc.oneof(fc.array(sample, { maxLength }), fc.array(sample, { maxLength, size: 'max' }));
};

function fieldArb(name: ParamName, exact: boolean, maxSamples: number): fc.Arbitrary<unknown> {
  const f = fieldOf(name);
  let value: fc.Arbitrary<unknown>;
  switch (f.kind) {
    case 'enum':
      value = fc.constantFrom(...f.options);
      break;
    case 'bool':
      value = fc.boolean();
      break;
    case 'int':
    case 'float':
      value = numberArb(f, exact);
      break;
    case 'array': {
      const x = fc.double({ min: f.min, max: f.max, noNaN: true, noDefaultInfinity: true });
      value = fc.array(
        x.map((v) => (exact ? digits12(v) : v + 0)),
        { minLength: f.minLength, maxLength: f.maxLength },
      );
      break;
    }
    case 'samples':
      value = samplesArb(Math.min(maxSamples, f.maxLength));
      break;
    case 'set':
      value = fc.subarray([...f.options]);
      break;
  }
  // Defaults often, so that links leave keys out.
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(null).map(() => structuredClone(f.default)) },
    { weight: 3, arbitrary: value },
  );
}

/** Valid params; `exact`: floats at 12 digits; drawn signals of up to `maxSamples` samples. */
const paramsArb = (exact: boolean, maxSamples = 1024): fc.Arbitrary<Params> =>
  fc
    .record(
      Object.fromEntries(PARAM_NAMES.map((n) => [n, fieldArb(n, exact, maxSamples)])) as Record<
        ParamName,
        fc.Arbitrary<unknown>
      >,
    )
    .map((r) => {
      const p = r as unknown as Params;
      // The cross-field rule (see validityErrors): a drawn signal needs samples.
      if (p.signal === 'drawn' && p.drawn.length < 2) p.signal = 'sines';
      return p;
    });

// ---------------------------------------------------------------------------------------------
// Round trip

describe(`URL round trip (fast-check, seed ${SEED})`, () => {
  it('encode omits defaults: the default state is just v=', () => {
    expect(encode(defaultParams())).toBe(`v=${SCHEMA_VERSION}`);
    expect(decode(`?v=${SCHEMA_VERSION}`)).toEqual({ params: defaultParams(), notices: [] });
    expect(decode('')).toEqual({ params: defaultParams(), notices: [] });
  });

  it('decode(encode(p)) deep-equals p, with no notices, for valid p (12-digit floats)', () => {
    fc.assert(
      fc.property(paramsArb(true), (p) => {
        expect(validityErrors(p)).toEqual([]);
        const q = encode(p);
        const { params, notices } = decode(q);
        expect(notices).toEqual([]);
        expect(params).toEqual(p);
        // And the link is canonical: encoding the decoded state gives the same link.
        expect(encode(params)).toBe(q);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('any double survives the round trip to a relative 1e-11', () => {
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-11 * Math.abs(b);
    fc.assert(
      fc.property(paramsArb(false), (p) => {
        const { params, notices } = decode(`?${encode(p)}`);
        expect(notices).toEqual([]);
        for (const name of PARAM_NAMES) {
          const got = params[name];
          const want = p[name];
          if (fieldOf(name).kind === 'set') {
            expect(got).toEqual(want);
          } else if (typeof want === 'number') {
            if (!close(got as number, want))
              throw new Error(`${name}: got ${show(got)}, expected ${show(want)}, tol 1e-11`);
          } else if (Array.isArray(want)) {
            const g = got as number[];
            const w = want as number[];
            if (g.length !== w.length || w.some((x, i) => !close(g[i]!, x)))
              throw new Error(`${name}: got ${show(got)}, expected ${show(want)}, tol 1e-11`);
          } else {
            expect(got).toBe(want);
          }
        }
        expect(validityErrors(params)).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz: malformed links

/**
 * What the spec says decode must do with `search`: the notices it must give (one substring per
 * required notice) and the params it must produce. Plain and independent of url.ts's code.
 */
function oracle(search: string): { need: string[]; params: Params } {
  const need: string[] = [];
  const params = defaultParams();
  let text = search;
  if (text.length > MAX_QUERY_CHARS) {
    need.push('too long');
    text = text.slice(0, MAX_QUERY_CHARS);
  }
  const q = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(text)) {
    if (q.has(k)) need.push('more than once');
    q.set(k, v);
  }
  let version = SCHEMA_VERSION;
  const vRaw = q.get('v');
  if (vRaw !== undefined) {
    if (/^\d+$/.test(vRaw) && Number(vRaw) <= SCHEMA_VERSION) version = Number(vRaw);
    else need.push('version');
  } else if (q.size > 0) {
    version = 0; // links made before versioning
  }
  q.delete('v');
  if (version === 0 && q.has('delta')) {
    if (q.has('dt')) need.push('“delta”');
    else q.set('dt', q.get('delta')!);
    q.delete('delta');
  }
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s) + 0);
  for (const [k, raw] of q) {
    const name = byKey.get(k);
    if (!name) {
      need.push(`“${k.slice(0, 20)}”`);
      continue;
    }
    const f = fieldOf(name);
    let meant: unknown; // what the link says, read literally; undefined if unreadable
    switch (f.kind) {
      case 'enum':
        meant = (f.options as readonly string[]).includes(raw) ? raw : undefined;
        break;
      case 'bool':
        meant = BOOLS.get(raw);
        break;
      case 'int':
      case 'float':
        meant = Number.isFinite(num(raw)) ? num(raw) : undefined;
        break;
      case 'array': {
        const xs = raw.split(',').map(num);
        meant = xs.every(Number.isFinite) ? xs : undefined;
        break;
      }
      case 'set': {
        // Any order and repeats name the same set; an unknown id is a fix.
        const ids = raw === '' ? [] : raw.split(',');
        const known = f.options.filter((o) => ids.includes(o));
        if (ids.some((id) => !(f.options as readonly string[]).includes(id)))
          need.push(`(${f.key})`);
        meant = known;
        break;
      }
      case 'samples': {
        let t: string | null = null;
        try {
          if (raw.length <= MAX_SAMPLES_CHARS) t = decompressFromEncodedURIComponent(raw);
        } catch {
          t = null;
        }
        if (t && t.length > f.maxLength * MAX_CHARS_PER_SAMPLE) t = null;
        const xs = t ? t.split(',').map((s) => num(s) / 1000 + 0) : [NaN];
        meant = xs.every(Number.isFinite) ? xs : undefined;
        break;
      }
    }
    const c = meant === undefined ? undefined : coerce(name, meant);
    // Unreadable, out of range, not an integer, too long: a fix, which needs a notice.
    if (meant === undefined || !identical(c, meant)) need.push(`(${f.key})`);
    (params as Record<string, unknown>)[name] =
      c === undefined ? structuredClone(f.default) : noNegZero(c);
  }
  if (params.signal === 'drawn' && params.drawn.length < 2) {
    need.push('(sig)');
    params.signal = 'sines';
  }
  return { need, params };
}

/** Decodes `search` and checks it against the oracle; throws a readable error on a mismatch. */
function checkDecode(search: string): void {
  let got: ReturnType<typeof decode>;
  try {
    got = decode(search);
  } catch (e) {
    throw new Error(`decode threw ${String(e)} for ${show(search)}`);
  }
  const problems = validityErrors(got.params);
  const want = oracle(search);
  for (const name of PARAM_NAMES)
    if (!identical(got.params[name], want.params[name]))
      problems.push(`${name}: got ${show(got.params[name])}, expected ${show(want.params[name])}`);
  for (const s of want.need)
    if (!got.notices.some((n) => n.includes(s))) problems.push(`no notice mentions ${show(s)}`);
  if (want.need.length === 0 && got.notices.length)
    problems.push(`notices for a clean link: ${show(got.notices)}`);
  if (got.notices.some((n) => typeof n !== 'string' || n.length === 0))
    problems.push('empty notice');
  if (problems.length)
    throw new Error(`${show(search)}\n  ${problems.join('\n  ')}\n  notices: ${show(got.notices)}`);
}

const BOOLS = new Map([
  ['1', true],
  ['true', true],
  ['0', false],
  ['false', false],
]);
const KEYS = PARAM_NAMES.map((n) => schema[n].key);
const LZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

const numberJunk = fc.constantFrom(
  ...['1e400', '-1e400', '1e-400', '-1e-400', '1e308', '-1e308', '5e-324'],
  ...['NaN', 'nan', 'Infinity', '-Infinity', '+Infinity', 'inf'],
  ...['-0', '+0', '0', '-0.0', '0e0', '-0e5', '-0.4', '-0.5', '0.5', '1.5', '2.5'],
  ...['', ' ', '\t', ' 1 ', '0x10', '0b11', '0o7', '1_000', '1,5', '.5', '5.', '1e', 'e1'],
  ...['--1', '+-1', '1..2', '١٢', '９', 'true', 'false', 'null', 'undefined', '[]', '{}'],
  ...[',', ',,', '1,', ',1', '1,,2', ' , ', '1, 2', '1,NaN', '1,1e400,2'],
  ...['9'.repeat(400), `0.${'0'.repeat(400)}1`, `1${'0'.repeat(30)}`, '2147483648'],
);
const percentJunk = fc.constantFrom(
  ...['%', '%%', '%z', '%zz', '%g0', '%E0%A4%A', '%00', '%FF', '%C0%AF', '%ED%A0%80'],
  ...['%F0%9F%98', '%2C', '%26', '%3D', '%2B', '%20', '+', '++', '%u0041', '%%41'],
);
const numberText = fc.oneof(
  fc.double().map(String),
  fc.double().map((x) => x.toExponential()),
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.nat(20)).map(([x, d]) => x.toFixed(d)),
);
const enumText = fc.constantFrom(
  ...PARAM_NAMES.flatMap((n) => {
    const f = fieldOf(n);
    return f.kind === 'enum' ? [...f.options] : [];
  }),
  ...['LegT', 'LEGS', 'banana', 'legs ', ' legs', 'legs\u0000', 'zoh,legs', 'drawn'],
);
/** Long lists of integers up to ±10⁶ (beyond ±10 after /1000; some beyond 1,024 samples). */
const BIG_LZ = fc
  .sample(
    fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 1100, size: 'max' }),
    { seed: SEED, numRuns: 40 },
  )
  .map((xs) => compressToEncodedURIComponent(xs.join(',')));
/** lz-string payloads: valid-looking, but decompressing to garbage, junk numbers or too much. */
const lzJunk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map(compressToEncodedURIComponent),
  fc
    .array(fc.oneof(numberJunk, numberText), { maxLength: 12 })
    .map((xs) => compressToEncodedURIComponent(xs.join(','))),
  fc.constantFrom(...BIG_LZ),
  fc.tuple(samplesArb(64), fc.nat(), fc.constantFrom(...LZ_ALPHABET)).map(([xs, i, ch]) => {
    const s = compressToEncodedURIComponent(xs.map((x) => Math.round(x * 1000)).join(','));
    const at = i % Math.max(1, s.length);
    return i % 2 ? s.slice(0, at) : s.slice(0, at) + ch + s.slice(at + 1); // cut or flip
  }),
  fc.string({ unit: fc.constantFrom(...LZ_ALPHABET), maxLength: 200 }),
  fc.nat(MAX_SAMPLES_CHARS * 2).map((n) => 'A'.repeat(n)),
);
/** A long value, up to 100 kB. */
const longText = fc
  .tuple(
    fc.integer({ min: 1_000, max: 100_000 }),
    fc.constantFrom('9', 'a', '%', '%2', 'A+', '1,', '&', '=', 'é', '\u{1F600}', '-0,'),
  )
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

/** Comma-joined ids: known ones of every set field, near misses and junk, repeated and reordered. */
const setText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...PARAM_NAMES.flatMap((n) => {
          const f = fieldOf(n);
          return f.kind === 'set' ? [...f.options] : [];
        }),
      ),
      fc.constantFrom('', ' N', 'n', 'SIGNAL', 'rtf ', '__proto__', 'toString', 'lang,'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((ids) => ids.join(','));

const valueArb = fc.oneof(
  { weight: 2, arbitrary: setText },
  { weight: 4, arbitrary: numberJunk },
  { weight: 3, arbitrary: numberText },
  { weight: 3, arbitrary: enumText },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: percentJunk },
  { weight: 2, arbitrary: fc.array(fc.oneof(numberText, numberJunk)).map((a) => a.join(',')) },
  { weight: 2, arbitrary: lzJunk },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', 'true', 'false', 'yes', 'on', '01') },
  { weight: 1, arbitrary: longText },
);
const keyArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 2, arbitrary: fc.constantFrom('v', 'delta') },
  { weight: 1, arbitrary: fc.constantFrom(...PARAM_NAMES) }, // names where keys belong
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', '', ' N') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: percentJunk },
);
const versionArb = fc.oneof(
  fc.constantFrom('0', '1', '2', '-1', 'x', '', ' ', '1.0', '1.5', '01', ' 1', '1e0', '0x1'),
  fc.constantFrom('NaN', 'Infinity', '-0', '+1', '9'.repeat(30), String(SCHEMA_VERSION + 1)),
  valueArb,
);
/** One key=value pair, written literally (its & = % + act as syntax) or form-encoded. */
const pairArb = fc
  .oneof(
    { weight: 6, arbitrary: fc.tuple(keyArb, valueArb) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('v'), versionArb) },
  )
  .chain(([k, v]) =>
    fc.constantFrom(
      `${k}=${v}`,
      new URLSearchParams([[k, v]]).toString(),
      k, // a bare key: empty value
      `${k}==${v}`,
    ),
  );

const queryArb = fc.oneof(
  // A valid link with junk pairs spliced in (and its own pairs repeated).
  {
    weight: 6,
    arbitrary: fc
      .tuple(paramsArb(true, 64), fc.array(pairArb, { maxLength: 8 }), fc.nat(), fc.boolean())
      .map(([p, junk, at, mark]) => {
        const pairs = encode(p).split('&');
        const cut = at % (pairs.length + 1);
        const all = [...pairs.slice(0, cut), ...junk, ...pairs.slice(cut)];
        return `${mark ? '?' : ''}${all.join('&')}`;
      }),
  },
  // Only junk pairs, with stray separators.
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(pairArb, fc.constantFrom('&', '&&', '&=&', ';', '&#', '&?')), {
        maxLength: 10,
      })
      .map((xs) => `?${xs.map(([p, sep]) => p + sep).join('')}`),
  },
  // Garbage bytes, and garbage drawn from the query syntax itself.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(...'&=%?#+;,.-0123456789eEvNdtamLbhNaIfy '.split('')),
      maxLength: 120,
    }),
  },
);

describe(`URL fuzz (fast-check, seed ${SEED})`, () => {
  it('10,000 malformed links decode without throwing to a valid state, each fix noticed', () => {
    fc.assert(
      fc.property(queryArb, (search) => checkDecode(search)),
      { seed: SEED, numRuns: 10_000 },
    );
  }, 120_000);

  // The fuzz's findings, kept as plain examples (each failed before url.ts was fixed).
  it.each([
    ['negative zero becomes 0', '?v=1&t=-0&seed=-0.4&h0=-0&a=-0,1'],
    ['an empty array entry is not read as 0', '?v=1&a=&b=1,,2'],
    ['an empty or non-numeric version is unknown', '?v=&N=8'],
    [
      'drawn samples beyond ±10 are reported',
      `?v=1&draw=${compressToEncodedURIComponent('0,99999')}`,
    ],
    [
      'an empty drawn sample is not read as 0',
      `?v=1&draw=${compressToEncodedURIComponent('1,,2')}`,
    ],
    ['both delta and dt in an old link', '?delta=0.5&dt=0.2'],
    ['a drawn signal that is missing', '?v=1&sig=drawn'],
    ['a set in any order, with repeats', '?v=1&hc=th,N,N&hp=rtf,signal&lock=m'],
    ['a set with unknown and empty ids', '?v=1&hc=N,,zz&hp=Signal&lock=__proto__'],
    ['an empty set', '?v=1&hc=&hp=&lock='],
    ['a link longer than the cap', `?v=1&N=8&zz=${'9'.repeat(MAX_QUERY_CHARS)}&L=64`],
  ])('%s', (_name, search) => checkDecode(search));

  it('the drawn signal’s fallback notice names no payload', () => {
    const { notices } = decode('?v=1&draw=%%%');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/using the default \(none\)/);
  });

  it('a decompression bomb in draw= is refused at once, not expanded', () => {
    // An lz-string stream whose every code is the one being defined (the LZW “cScSc” case):
    // n codes expand to ≈ n²/2 characters. 30,000 codes (≈ 70 kB) would be ≈ 450 M.
    const bomb = lzBomb(30_000);
    expect(bomb.length).toBeLessThan(MAX_QUERY_CHARS);
    const t0 = performance.now();
    const { params, notices } = decode(`?v=1&draw=${bomb}`);
    expect(performance.now() - t0).toBeLessThan(250);
    expect(params.drawn).toEqual([]);
    expect(notices.join(' ')).toMatch(/\(draw\)/);
    // The largest bomb under the cap (≈ 10 M characters) costs tens of milliseconds.
    const under = lzBomb(4_400);
    expect(under.length).toBeLessThanOrEqual(MAX_SAMPLES_CHARS);
    const t1 = performance.now();
    checkDecode(`?v=1&draw=${under}`);
    expect(performance.now() - t1).toBeLessThan(1000);
  });
});

/** An lz-string URI payload of one character and then `codes` codes, each the next new one. */
function lzBomb(codes: number): string {
  const bits: number[] = [];
  const put = (v: number, n: number) => {
    for (let b = 0; b < n; b++) bits.push((v >> b) & 1);
  };
  put(0, 2); // an 8-bit literal follows
  put(49, 8); // '1'
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let k = 0; k < codes; k++) {
    put(dictSize++, numBits);
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  put(2, numBits); // end of stream
  while (bits.length % 6) bits.push(0);
  let s = '';
  for (let i = 0; i < bits.length; i += 6) {
    let v = 0;
    for (let j = 0; j < 6; j++) v |= bits[i + j]! << (5 - j);
    s += LZ_ALPHABET[v];
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Migrations and versions

interface V0Link {
  name: string;
  search: string;
  expected: Partial<Params>;
  notices: string[];
}

describe('old links migrate (test/fixtures/url/v0.json)', () => {
  it.each((v0Fixture.links as V0Link[]).map((l) => [l.name, l] as const))('%s', (_n, link) => {
    const { params, notices } = decode(link.search);
    expect(params).toEqual({ ...defaultParams(), ...link.expected });
    expect(notices).toHaveLength(link.notices.length);
    link.notices.forEach((s, i) => expect(notices[i]).toContain(s));
    // Re-encoded, the link is a current one that reads back the same, silently.
    const again = decode(encode(params));
    expect(again).toEqual({ params, notices: [] });
    expect(encode(params)).toMatch(new RegExp(`^v=${SCHEMA_VERSION}(&|$)`));
  });

  it('a current link keeps `delta` out: it is an unknown key there', () => {
    const { params, notices } = decode(`?v=${SCHEMA_VERSION}&delta=0.05`);
    expect(params.dt).toBe(schema.dt.default);
    expect(notices).toEqual([expect.stringContaining('“delta”')]);
  });

  it.each(['2', '-1', 'x', '', '1.5', 'NaN', '1e400', '9'.repeat(30)])(
    'an unknown version v=%j is read as the current one, with a notice',
    (v) => {
      const { params, notices } = decode(`?v=${v}&N=12&delta=0.5`);
      expect(params.N).toBe(12);
      expect(params.dt).toBe(schema.dt.default); // no migration from an unknown version
      expect(notices).toHaveLength(2);
      expect(notices[0]).toMatch(/version .* is unknown; read as version 1/i);
      expect(notices[1]).toContain('“delta”');
    },
  );

  it('v=0 migrates like a link without v; v=1 does not', () => {
    expect(decode('?v=0&delta=0.5')).toEqual({
      params: { ...defaultParams(), dt: 0.5 },
      notices: [],
    });
    expect(decode('?v=1&dt=0.5')).toEqual({ params: { ...defaultParams(), dt: 0.5 }, notices: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// Size of a drawn signal

describe('a drawn signal of 512 samples fits a link under 2,000 characters', () => {
  const n = 512;
  const quantise = (x: number) => Math.round(Math.max(-2, Math.min(2, x)) * 1000) / 1000 + 0;
  const g = gaussian(rng(2026));
  const u = rng(7);
  let w = 0;
  const walk = Array.from({ length: n }, () =>
    quantise((w = Math.max(-2, Math.min(2, w + 0.05 * g())))),
  );
  const smooth = Array.from({ length: n }, (_, i) =>
    quantise(
      1.2 * Math.sin((2 * Math.PI * 3 * i) / n) + 0.6 * Math.sin((2 * Math.PI * 7 * i) / n + 1),
    ),
  );
  const noisy = smooth.map((x) => quantise(x + 0.15 * g()));
  const white = Array.from({ length: n }, () => quantise(4 * u() - 2));
  // What the draw tool starts from: a preset at L = 2048, picked at 512 points, ×2.
  const fromPreset = (preset: 'noise' | 'walk') => {
    const x = signalPreset(preset, 2048, 1);
    return Array.from({ length: n }, (_, i) => quantise(2 * x[Math.round((i / (n - 1)) * 2047)]!));
  };
  const cases: [string, number[]][] = [
    ['random walk (steps σ = 0.05)', walk],
    ['smooth (two sines)', smooth],
    ['noisy (two sines + σ = 0.15 noise)', noisy],
    ['white noise, uniform on [−2, 2] (the worst case)', white],
    ['the noise preset, as the draw tool picks it', fromPreset('noise')],
    ['the walk preset, as the draw tool picks it', fromPreset('walk')],
  ];
  const lengths: string[] = [];

  it.each(cases)('%s', (name, drawn) => {
    expect(drawn).toHaveLength(n);
    const p: Params = { ...defaultParams(), signal: 'drawn', drawn };
    const q = `?${encode(p)}`;
    lengths.push(`${name}: ${q.length}`);
    expect(q.length).toBeLessThan(2000);
    // A whole link from this origin, too.
    expect(`http://127.0.0.1:4173/${q}`.length).toBeLessThan(2000);
    expect(decode(q)).toEqual({ params: p, notices: [] });
    if (lengths.length === cases.length)
      console.info(`URL lengths (query):\n  ${lengths.join('\n  ')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Sets of ids (classroom links)

describe('set fields: hidden controls and panels, locks', () => {
  it('a set is written in the options’ order, and reads back in any order without a notice', () => {
    const p: Params = { ...defaultParams(), hideControls: ['N', 'th'], hidePanels: ['rtf'] };
    expect(encode(p)).toBe('v=1&hc=N%2Cth&hp=rtf');
    expect(decode('?v=1&hc=th,N,th&hp=rtf')).toEqual({ params: p, notices: [] });
  });
  it('unknown ids are dropped and named in a notice; the known ones are kept', () => {
    const { params, notices } = decode('?v=1&lock=m,bogus,N&hp=Signal');
    expect(params.lock).toEqual(['m', 'N']);
    expect(params.hidePanels).toEqual([]);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/Locked parameters \(lock\): unknown id “bogus” ignored/);
    expect(notices[1]).toMatch(/Hidden panels \(hp\): unknown id “Signal” ignored/);
  });
  it('coerce accepts a set in any order and rejects an unknown id', () => {
    expect(coerce('hidePanels', ['rtf', 'signal', 'rtf'])).toEqual(['signal', 'rtf']);
    expect(coerce('lock', ['m', 'nope'])).toBeUndefined();
    expect(coerce('lock', 'm')).toBeUndefined();
  });
});

describe('link notices speak the reader’s language', () => {
  it('every notice of a broken link reads in 简体中文 too, naming the parameter there', () => {
    const { notices } = decodeMessages('?v=1&N=abc&m=nope&zz=1&draw=%%%&hp=bogus,rtf');
    expect(notices).toHaveLength(5);
    for (const n of notices) {
      const zh = translate('zh', n.key, n.vars);
      expect(zh, english(n)).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, english(n)).not.toMatch(/\{\w+\}|url\.|param\./);
    }
    expect(translate('zh', notices[1]!.key, notices[1]!.vars)).toContain('测度（m）');
  });
});
