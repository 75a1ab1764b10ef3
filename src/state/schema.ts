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
/**
 * A set of ids drawn from `options` (classroom links: hidden controls and panels, locks). Stored
 * in the options' order without repeats, so one set has one spelling in the URL.
 */
export interface SetField<T extends string = string> extends Base<T[]> {
  kind: 'set';
  options: readonly T[];
}
export type Field = EnumField | NumberField | BoolField | ArrayField | SamplesField | SetField;

export const MEASURE_OPTIONS = ['legs', 'legt', 'lmu', 'lagt', 'fout'] as const;
export const DISC_OPTIONS = ['forward', 'backward', 'bilinear', 'zoh'] as const;
export const SIGNAL_OPTIONS = [...SIGNAL_PRESETS, 'drawn'] as const;
export const LANG_OPTIONS = ['en', 'zh'] as const;
/** Lesson chapters (src/app/lessons): none, then the four posts of the series. */
export const LESSON_OPTIONS = ['none', 'hippo', 'disc', 's4', 'rtf'] as const;
/** Most steps a chapter may have (the step parameter's range). */
export const MAX_LESSON_STEPS = 10;
/** The panel ids (DESIGN §7), in page order. */
export const PANEL_IDS = [
  'signal',
  'basis',
  'coefficients',
  'matrices',
  'eigenvalues',
  'kernel',
  'frequency',
  'equivalence',
  'rtf',
  'performance',
] as const;
/** URL keys of the parameters that have a control in the page (a classroom link hides or locks these). */
export const CONTROL_KEYS = [
  'm',
  'N',
  'th',
  'dt',
  'd',
  'L',
  'sig',
  't',
  'sp',
  'seed',
  'norm',
  'rc',
  'ct',
  'a',
  'b',
  'h0',
  'draw',
  'lang',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];
export type ControlKey = (typeof CONTROL_KEYS)[number];

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
  lesson: {
    kind: 'enum',
    key: 'ls',
    default: 'none',
    options: LESSON_OPTIONS,
    label: 'Lesson',
    help: 'Open a lesson chapter: hippo, disc, s4 or rtf',
  } as EnumField<(typeof LESSON_OPTIONS)[number]>,
  step: {
    kind: 'int',
    key: 'st',
    default: 1,
    min: 1,
    max: MAX_LESSON_STEPS,
    label: 'Step',
    help: `Step of the lesson (1–${MAX_LESSON_STEPS}; past a chapter's last step, its last step)`,
  } as NumberField,
  presenter: {
    kind: 'bool',
    key: 'pm',
    default: false,
    label: 'Presenter mode',
    help: 'Large type, high contrast, only what the lesson step needs',
  } as BoolField,
  hideControls: {
    kind: 'set',
    key: 'hc',
    default: [],
    options: CONTROL_KEYS,
    label: 'Hidden controls',
    help: 'Controls a classroom link hides (their URL keys)',
  } as SetField<ControlKey>,
  hidePanels: {
    kind: 'set',
    key: 'hp',
    default: [],
    options: PANEL_IDS,
    label: 'Hidden panels',
    help: 'Panels a classroom link hides',
  } as SetField<PanelId>,
  lock: {
    kind: 'set',
    key: 'lock',
    default: [],
    options: CONTROL_KEYS,
    label: 'Locked parameters',
    help: 'Parameters a classroom link locks: their controls are disabled',
  } as SetField<ControlKey>,
} as const;

export type Schema = typeof schema;
export type ParamName = keyof Schema;
type ValueOf<F> =
  F extends EnumField<infer T>
    ? T
    : F extends SetField<infer S>
      ? S[]
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
