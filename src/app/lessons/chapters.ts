/**
 * The four lesson chapters, one per post of the series, as data. A step names its words by key
 * (bundles/lessons.ts: `lessons.<chapter>.<step>.title|text|try|claim`), the parameters it sets
 * when you arrive at it, the panel it brings into view and rings, the controls presenter mode
 * keeps, and the live claim whose computed numbers fill the `claim` sentence.
 */
import type { ControlKey, PanelId, Params } from '../../state/schema';
import * as c from './claims';

export interface Step {
  id: string;
  panel: PanelId;
  params: Partial<Params>;
  /** Controls presenter mode keeps for this step (the rest fold away). */
  controls: ControlKey[];
  claim?: c.Claim;
}

export type ChapterId = Exclude<Params['lesson'], 'none'>;

export interface Chapter {
  id: ChapterId;
  steps: Step[];
}

const RTF_DEFAULT = { rtfA: [-1.1, 0.03, 0.135], rtfB: [0.5, -0.2, 0.1], rtfH0: 0.3 };

export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'hippo',
    steps: [
      {
        id: 'online',
        panel: 'signal',
        params: { measure: 'legs', N: 32, signal: 'sines', cursor: 0.6 },
        controls: ['m', 'N', 'sig', 't'],
        claim: c.stateSize,
      },
      {
        id: 'matrix',
        panel: 'matrices',
        params: { measure: 'legs', N: 8 },
        controls: ['m', 'N'],
        claim: c.legsEntries,
      },
      {
        id: 'eig',
        panel: 'eigenvalues',
        params: { measure: 'legs', N: 8 },
        controls: ['N'],
        claim: c.legsEigenvalues,
      },
      {
        id: 'basis',
        panel: 'basis',
        params: { measure: 'legs', N: 16, normalization: 'paper' },
        controls: ['N', 'norm', 't'],
        claim: c.legsB,
      },
      {
        id: 'legt',
        panel: 'signal',
        params: { measure: 'legt', N: 32, theta: 2 },
        controls: ['m', 'N', 'th', 't'],
        claim: c.legtTrace,
      },
      {
        id: 'resolution',
        panel: 'signal',
        params: { measure: 'legs', N: 8, signal: 'chirp', cursor: 0.95 },
        controls: ['m', 'N', 'sig', 't'],
        claim: c.stateSize,
      },
    ],
  },
  {
    id: 'disc',
    steps: [
      {
        id: 'schemes',
        panel: 'eigenvalues',
        params: { measure: 'legs', N: 8, dt: 0.1, disc: 'bilinear' },
        controls: ['d', 'dt', 'N'],
        claim: c.discreteEigenvalues,
      },
      {
        id: 'forward',
        panel: 'eigenvalues',
        params: { measure: 'legs', N: 8, dt: 0.3, disc: 'forward' },
        controls: ['d', 'dt', 'N'],
        claim: c.discreteEigenvalues,
      },
      {
        id: 'zoh',
        panel: 'matrices',
        params: { measure: 'legs', N: 8, dt: 0.1, disc: 'zoh' },
        controls: ['d', 'dt', 'N'],
        claim: c.discreteEigenvalues,
      },
      {
        id: 'equivariance',
        panel: 'coefficients',
        params: { measure: 'legs', N: 16, disc: 'zoh', signal: 'sines' },
        controls: ['N', 'dt', 'sig', 't'],
        claim: c.legsEquivariance,
      },
      {
        id: 'memory',
        panel: 'coefficients',
        params: { measure: 'legs', N: 8, dt: 0.1, disc: 'bilinear', signal: 'impulse' },
        controls: ['m', 'N', 'dt', 't'],
        claim: c.polynomialMemory,
      },
      {
        id: 'fourier',
        panel: 'basis',
        params: { measure: 'fout', N: 16, theta: 2 },
        controls: ['m', 'N', 'th'],
        claim: c.fourierExercise,
      },
    ],
  },
  {
    id: 's4',
    steps: [
      {
        id: 'lti',
        panel: 'kernel',
        params: { measure: 'legs', N: 64, dt: 0.01, disc: 'bilinear', L: 2048 },
        controls: ['N', 'dt', 'L'],
        claim: c.s4Radius,
      },
      {
        id: 'diagonalise',
        panel: 'eigenvalues',
        params: { measure: 'legs', N: 8 },
        controls: ['N'],
        claim: c.eigenvectorCondition,
      },
      {
        id: 'nplr',
        panel: 'eigenvalues',
        params: { measure: 'legs', N: 8 },
        controls: ['N'],
        claim: c.nplrLambda,
      },
      {
        id: 'woodbury',
        panel: 'kernel',
        params: { measure: 'legs', N: 64, dt: 0.01, disc: 'bilinear', L: 1024, correction: true },
        controls: ['N', 'dt', 'L'],
        claim: c.dplrAgreement,
      },
      {
        id: 'truncated',
        panel: 'kernel',
        params: { measure: 'legs', N: 64, dt: 0.001, disc: 'bilinear', L: 1024, correction: false },
        controls: ['dt', 'L', 'ct'],
        claim: c.s4Radius,
      },
      {
        id: 'generating',
        panel: 'equivalence',
        params: { measure: 'legs', N: 64, dt: 0.01, disc: 'bilinear', L: 1024, correction: true },
        controls: ['N', 'dt', 'L'],
        claim: c.generatingAgreement,
      },
      {
        id: 's4d',
        panel: 'eigenvalues',
        params: { measure: 'legs', N: 16 },
        controls: ['N'],
        claim: c.s4dLin,
      },
    ],
  },
  {
    id: 'rtf',
    steps: [
      {
        id: 'rational',
        panel: 'rtf',
        params: { measure: 'legs', N: 4, dt: 0.1, disc: 'bilinear', ...RTF_DEFAULT },
        controls: ['N', 'dt', 'd'],
        claim: c.rationalPoles,
      },
      {
        id: 'statefree',
        panel: 'rtf',
        params: { L: 16, rtfConvention: 'paper', ...RTF_DEFAULT },
        controls: ['L', 'a', 'b', 'h0', 'rc'],
        claim: c.stateFree,
      },
      {
        id: 'flat',
        panel: 'performance',
        params: {},
        controls: [],
      },
      {
        id: 'companion',
        panel: 'rtf',
        params: { L: 256, ...RTF_DEFAULT },
        controls: ['a', 'b', 'h0'],
        claim: c.companionAgreement,
      },
      {
        id: 'shift',
        panel: 'rtf',
        params: { L: 64, rtfA: [0, 0, 0], rtfB: [0.5, -0.2, 0.1], rtfH0: 0.3 },
        controls: ['a', 'b', 'h0'],
        claim: c.firstTaps,
      },
      {
        id: 'montel',
        panel: 'rtf',
        params: { L: 256, ...RTF_DEFAULT },
        controls: ['a', 'b', 'h0'],
        claim: c.montel,
      },
    ],
  },
];

export function chapterOf(id: Params['lesson']): Chapter | undefined {
  return CHAPTERS.find((ch) => ch.id === id);
}

/** The step shown for a chapter and a step parameter: past the last step, the last. */
export function stepIndex(chapter: Chapter, step: number): number {
  return Math.min(chapter.steps.length, Math.max(1, step)) - 1;
}
