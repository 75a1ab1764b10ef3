/** The header's lesson menu: choosing a chapter opens it at step 1 (with that step's parameters). */
import { useId } from 'react';
import { useT } from '../../state/i18n';
import { useParam } from '../../state/store';
import { CHAPTERS } from './chapters';
import { closeLesson, goToStep } from './navigation';

export function LessonPicker() {
  const t = useT();
  const lesson = useParam('lesson');
  const id = useId();
  return (
    <span className="lesson-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('teach.lessons')}
      </label>
      <select
        id={id}
        data-testid="lesson-select"
        value={lesson}
        title={t('teach.lessonsPick')}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'none') closeLesson();
          else goToStep(v as (typeof CHAPTERS)[number]['id'], 1);
        }}
      >
        <option value="none">{t('teach.lessons')} …</option>
        {CHAPTERS.map((ch) => (
          <option key={ch.id} value={ch.id}>
            {t(`lessons.chapter.${ch.id}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
