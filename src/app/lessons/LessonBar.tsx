/**
 * The lesson bar: a drawer stuck to the bottom of the page while a lesson is open. It shows the
 * step's title, text, live claim (numbers computed now, from the current parameters) and a
 * "try this"; Back/Next (and the keyboard, see TeachLayer) move through the chapter, and the
 * step's panel is brought into view and ringed.
 */
import { useEffect } from 'react';
import { useT } from '../../state/i18n';
import { useParams } from '../../state/store';
import { chapterOf, stepIndex, type Step } from './chapters';
import { closeLesson, goToStep } from './navigation';

const HIGHLIGHT = 'data-lesson-highlight';

/** Rings the step's panel (and no other) and scrolls it into view. */
function highlight(panel: string | null): void {
  for (const el of document.querySelectorAll(`[${HIGHLIGHT}]`)) el.removeAttribute(HIGHLIGHT);
  if (!panel) return;
  const el = document.querySelector(`[data-panel="${panel}"]`);
  if (!el) return;
  el.setAttribute(HIGHLIGHT, '');
  // Clear the sticky header and control bar, whatever their height.
  const bar = document.querySelector('.controls')?.getBoundingClientRect().bottom ?? 0;
  (el as HTMLElement).style.scrollMarginTop = `${Math.max(0, bar) + 12}px`;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
}

function Claim({ step, prefix }: { step: Step; prefix: string }) {
  const t = useT();
  const params = useParams((p) => p);
  if (!step.claim) return null;
  let text: string;
  let values: number[] = [];
  try {
    const r = step.claim(params);
    values = r.values;
    text = t(`${prefix}.claim`, r.vars);
  } catch (e) {
    text = e instanceof Error ? e.message : String(e);
  }
  return (
    <p className="lesson-claim" data-testid="lesson-claim" data-values={JSON.stringify(values)}>
      <span className="lesson-live">{t('teach.live')}</span> {text}
    </p>
  );
}

export function LessonBar() {
  const t = useT();
  const { lesson, step } = useParams((p) => ({ lesson: p.lesson, step: p.step }));
  const chapter = chapterOf(lesson);
  const i = chapter ? stepIndex(chapter, step) : -1;
  const current = chapter?.steps[i];
  const panel = current?.panel ?? null;

  useEffect(() => {
    highlight(panel);
  }, [lesson, i, panel]);
  useEffect(() => () => highlight(null), []);

  if (!chapter || !current) return null;
  const prefix = `lessons.${chapter.id}.${current.id}`;
  const m = chapter.steps.length;
  return (
    <aside
      className="lesson-bar"
      data-testid="lesson-bar"
      data-lesson={chapter.id}
      data-step={i + 1}
      aria-label={t('teach.lesson')}
      data-lesson-keys
    >
      <div className="lesson-head">
        <span className="lesson-chapter">{t(`lessons.chapter.${chapter.id}`)}</span>
        <span className="lesson-progress" aria-live="polite">
          {t('teach.stepOf', { n: i + 1, m })}
        </span>
        <span className="lesson-dots" aria-hidden="true">
          {chapter.steps.map((s, k) => (
            <span key={s.id} className={k === i ? 'on' : ''} />
          ))}
        </span>
        <span className="spacer" />
        <button
          type="button"
          data-testid="lesson-back"
          disabled={i === 0}
          onClick={() => goToStep(lesson, i)}
        >
          ← {t('teach.back')}
        </button>
        <button
          type="button"
          data-testid="lesson-next"
          disabled={i === m - 1}
          onClick={() => goToStep(lesson, i + 2)}
        >
          {t('teach.next')} →
        </button>
        <button
          type="button"
          className="lesson-close"
          aria-label={t('teach.closeLesson')}
          title={t('teach.closeLesson')}
          onClick={closeLesson}
        >
          ×
        </button>
      </div>
      <h2 className="lesson-title" data-testid="lesson-title">
        {t(`${prefix}.title`)}
      </h2>
      <p className="lesson-text">{t(`${prefix}.text`)}</p>
      <Claim step={current} prefix={prefix} />
      <p className="lesson-try">
        <strong>{t('teach.try')}</strong> {t(`${prefix}.try`)}
      </p>
      <p className="lesson-keys">{t('teach.keys')}</p>
    </aside>
  );
}
