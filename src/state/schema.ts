/**
 * The one list of the lab's parameters (DESIGN §6): type, default, range or enum, URL key.
 * Everything that round-trips through the URL is here; nothing else is.
 */
import { SIGNAL_PRESETS } from '../core/signals';

export const SCHEMA_VERSION = 1;

interface Base<T> {
  key: string; // URL key
  default: T;
  label: string;
  help: string;
}
export interface EnumField<T extends string = string> extends Base<T> {
  kind: 'enum';
  options: readonly T[];
}
export interface NumberField extends Base<number> {
  kind: 'int' | 'float';
  min: number;
  max: number;
  /** Slider moves in log space. */
  log?: boolean;
}
export interface BoolField extends Base<boolean> {
  kind: 'bool';
}
export interface ArrayField extends Base<number[]> {
  kind: 'array';
  minLength: number;
  maxLength: number;
  min: number;
  max: number;
}
export interface SamplesField extends Base<number[]> {
  kind: 'samples';
  maxLength: number;
}
export type Field = EnumField | NumberField | BoolField | ArrayField | SamplesField;

export const MEASURE_OPTIONS = ['legs', 'legt', 'lmu', 'lagt', 'fout'] as const;
export const DISC_OPTIONS = ['forward', 'backward', 'bilinear', 'zoh'] as const;
export const SIGNAL_OPTIONS = [...SIGNAL_PRESETS, 'drawn'] as const;
export const LANG_OPTIONS = ['en', 'zh'] as const;

export const schema = {
  measure: {
    kind: 'enum',
    key: 'm',
    default: 'legs',
    options: MEASURE_OPTIONS,
    label: 'Measure',
    help: 'Which memory: LegS (all history), LegT/LMU/FouT (a sliding window θ), LagT (exponential)',
  } as EnumField<(typeof MEASURE_OPTIONS)[number]>,
  N: {
    kind: 'int',
    key: 'N',
    default: 64,
    min: 1,
    max: 256,
    label: 'N',
    help: 'State size: number of basis functions (1–256)',
  } as NumberField,
  theta: {
    kind: 'float',
    key: 'th',
    default: 1,
    min: 0.01,
    max: 100,
    log: true,
    label: 'θ',
    help: 'Window length in time units for LegT, LMU and FouT (0.01–100)',
  } as NumberField,
  dt: {
    kind: 'float',
    key: 'dt',
    default: 0.01,
    min: 1e-4,
    max: 1,
    log: true,
    label: 'Δ',
    help: 'Step size of the discretisation (10⁻⁴–1); time t = kΔ',
  } as NumberField,
  disc: {
    kind: 'enum',
    key: 'd',
    default: 'bilinear',
    options: DISC_OPTIONS,
    label: 'Discretisation',
    help: 'forward Euler, backward Euler, bilinear (S4), zero-order hold (exact for steps)',
  } as EnumField<(typeof DISC_OPTIONS)[number]>,
  L: {
    kind: 'int',
    key: 'L',
    default: 2048,
    min: 16,
    max: 16384,
    log: true,
    label: 'L',
    help: 'Sequence and kernel length (16–16384)',
  } as NumberField,
  signal: {
    kind: 'enum',
    key: 'sig',
    default: 'sines',
    options: SIGNAL_OPTIONS,
    label: 'Signal',
    help: 'Input signal preset, or draw your own on the signal panel',
  } as EnumField<(typeof SIGNAL_OPTIONS)[number]>,
  seed: {
    kind: 'int',
    key: 'seed',
    default: 1,
    min: 0,
    max: 2147483647,
    label: 'Seed',
    help: 'Seed of the random presets and of C',
  } as NumberField,
  normalization: {
    kind: 'enum',
    key: 'norm',
    default: 'paper',
    options: ['paper', 'blog'] as const,
    label: 'Normalisation',
    help: 'paper: orthonormal on a probability measure (B_n = √(2n+1)); blog: B = √2 × paper',
  } as EnumField<'paper' | 'blog'>,
  rtfConvention: {
    kind: 'enum',
    key: 'rc',
    default: 'paper',
    options: ['paper', 'blog'] as const,
    label: 'RTF convention',
    help: 'paper: one-step delay, h0 feed-through; blog: no delay, K_k = b̃ A^k e1',
  } as EnumField<'paper' | 'blog'>,
  cursor: {
    kind: 'float',
    key: 't',
    default: 0.6,
    min: 0,
    max: 1,
    label: 'Time',
    help: 'Time cursor as a fraction of the sequence',
  } as NumberField,
  speed: {
    kind: 'float',
    key: 'sp',
    default: 1,
    min: 0.25,
    max: 8,
    log: true,
    label: 'Speed',
    help: 'Playback speed (0.25×–8×)',
  } as NumberField,
  correction: {
    kind: 'bool',
    key: 'ct',
    default: true,
    label: 'C̃ correction',
    help: 'Use C̃ = C(I − Ā^L) in the truncated generating function; off shows the wrap-around (aliasing)',
  } as BoolField,
  rtfA: {
    kind: 'array',
    key: 'a',
    default: [-1.1, 0.03, 0.135],
    minLength: 1,
    maxLength: 32,
    min: -100,
    max: 100,
    label: 'a',
    help: 'RTF denominator 1 + a1 z⁻¹ + … + an z⁻ⁿ',
  } as ArrayField,
  rtfB: {
    kind: 'array',
    key: 'b',
    default: [0.5, -0.2, 0.1],
    minLength: 1,
    maxLength: 32,
    min: -100,
    max: 100,
    label: 'b',
    help: 'RTF numerator b1 z⁻¹ + … + bn z⁻ⁿ',
  } as ArrayField,
  rtfH0: {
    kind: 'float',
    key: 'h0',
    default: 0.3,
    min: -100,
    max: 100,
    label: 'h0',
    help: 'RTF feed-through h0',
  } as NumberField,
  drawn: {
    kind: 'samples',
    key: 'draw',
    default: [],
    maxLength: 1024,
    label: 'Drawn signal',
    help: 'A signal drawn by hand',
  } as SamplesField,
  lang: {
    kind: 'enum',
    key: 'lang',
    default: 'en',
    options: LANG_OPTIONS,
    label: 'Language',
    help: 'English or 简体中文',
  } as EnumField<(typeof LANG_OPTIONS)[number]>,
} as const;

export type Schema = typeof schema;
export type ParamName = keyof Schema;
type ValueOf<F> =
  F extends EnumField<infer T>
    ? T
    : F extends BoolField
      ? boolean
      : F extends NumberField
        ? number
        : number[];
export type Params = { -readonly [K in ParamName]: ValueOf<Schema[K]> };

export const PARAM_NAMES = Object.keys(schema) as ParamName[];

export function defaultParams(): Params {
  const p = {} as Record<string, unknown>;
  for (const name of PARAM_NAMES) {
    const d = schema[name].default;
    p[name] = Array.isArray(d) ? [...d] : d;
  }
  return p as Params;
}
