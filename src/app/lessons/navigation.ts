/**
 * Moving through a lesson. Arriving at a step sets the lesson, the step and the step's
 * parameters in one store update (so the URL changes once); the lesson bar then brings the
 * step's panel into view and rings it.
 */
import { lab, setParams } from '../../state/store';
import type { Params } from '../../state/schema';
import { chapterOf, stepIndex } from './chapters';

/** Opens `lesson` at `step` (1-based; clamped to the chapter), applying the step's parameters. */
export function goToStep(lesson: Params['lesson'], step: number): void {
  const chapter = chapterOf(lesson);
  if (!chapter) {
    setParams({ lesson: 'none', step: 1 });
    return;
  }
  const i = stepIndex(chapter, step);
  setParams({ ...chapter.steps[i]!.params, lesson, step: i + 1 });
}

/** Moves by `delta` steps within the open lesson; false if there is none or it is at an end. */
export function moveStep(delta: number): boolean {
  const { lesson, step } = lab.getState().params;
  const chapter = chapterOf(lesson);
  if (!chapter) return false;
  const from = stepIndex(chapter, step);
  const to = from + delta;
  if (to < 0 || to >= chapter.steps.length) return false;
  goToStep(lesson, to + 1);
  return true;
}

export function closeLesson(): void {
  setParams({ lesson: 'none', step: 1 });
}
