/**
 * The lesson data is complete: four chapters in the series' order, 5–10 steps each, every step's
 * words in both languages (a claim sentence exactly where a claim is computed, with each of its
 * placeholders filled by the claim), parameters that the store accepts as they are, and panels
 * and controls that exist.
 */
import { describe, expect, it } from 'vitest';
import { keysOf, translate } from '../../state/i18n';
import {
  CONTROL_KEYS,
  defaultParams,
  LESSON_OPTIONS,
  PANEL_IDS,
  type ParamName,
} from '../../state/schema';
import { coerce } from '../../state/store';
import { CHAPTERS, stepIndex } from './chapters';

describe('lesson chapters', () => {
  it('follow the series: hippo, disc, s4, rtf, each with 5–10 steps', () => {
    expect(CHAPTERS.map((c) => c.id)).toEqual(LESSON_OPTIONS.filter((l) => l !== 'none'));
    for (const c of CHAPTERS) {
      expect(c.steps.length).toBeGreaterThanOrEqual(5);
      expect(c.steps.length).toBeLessThanOrEqual(10);
      expect(new Set(c.steps.map((s) => s.id)).size).toBe(c.steps.length);
    }
  });

  it('every step has its words in English and Chinese, and a claim sentence iff a claim', () => {
    const en = new Set(keysOf('en'));
    const zh = new Set(keysOf('zh'));
    for (const c of CHAPTERS) {
      expect(en.has(`lessons.chapter.${c.id}`)).toBe(true);
      for (const s of c.steps) {
        const k = `lessons.${c.id}.${s.id}`;
        for (const part of ['title', 'text', 'try']) {
          expect(en.has(`${k}.${part}`), `${k}.${part}`).toBe(true);
          expect(zh.has(`${k}.${part}`), `${k}.${part} (zh)`).toBe(true);
        }
        expect(en.has(`${k}.claim`), `${k}.claim`).toBe(!!s.claim);
        if (!s.claim) continue;
        // The claim, run on the step's own parameters, fills every placeholder in both languages.
        const r = s.claim({ ...defaultParams(), ...s.params });
        for (const lang of ['en', 'zh'] as const)
          expect(translate(lang, `${k}.claim`, r.vars), `${k} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(r.values.length).toBeGreaterThan(0);
      }
    }
  });

  it('step parameters are valid as they stand; panels and controls exist', () => {
    for (const c of CHAPTERS)
      for (const s of c.steps) {
        expect(PANEL_IDS).toContain(s.panel);
        for (const k of s.controls) expect(CONTROL_KEYS).toContain(k);
        for (const [name, v] of Object.entries(s.params))
          expect(coerce(name as ParamName, v), `${c.id}.${s.id}.${name}`).toEqual(v);
      }
  });

  it('a step past the end shows the last step; below 1, the first', () => {
    const c = CHAPTERS[0]!;
    expect(stepIndex(c, 99)).toBe(c.steps.length - 1);
    expect(stepIndex(c, 0)).toBe(0);
    expect(stepIndex(c, 2)).toBe(1);
  });
});
