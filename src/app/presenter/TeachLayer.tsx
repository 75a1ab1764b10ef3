/**
 * The teaching layer of the page, mounted once by App: the lesson bar, the classroom link's
 * hiding and locks, presenter mode (a class on <html>, its stylesheet, and the step's panel and
 * controls only), and the keyboard: → / PageDown next step, ← / PageUp previous, P toggles
 * presenter mode, Escape leaves it.
 */
import { useEffect } from 'react';
import { lab, setParams, useParams } from '../../state/store';
import { chapterOf, stepIndex } from '../lessons/chapters';
import { LessonBar } from '../lessons/LessonBar';
import { LessonPicker } from '../lessons/LessonPicker';
import { moveStep } from '../lessons/navigation';
import { presenterCss } from '../share/classroom';
import { ClassroomLayer } from '../share/ClassroomLayer';
import { ShareButton } from '../share/ShareDialog';
import { useSheet } from '../share/sheet';
import { PresenterButton } from './PresenterButton';
import './presenter.css';
import '../lessons/lessons.css';
import '../share/share.css';

/** True when a key pressed on `el` belongs to that element (typing, a slider, a select…). */
function ownsKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el.closest('input, select, textarea, [role="slider"], [role="textbox"]')) return true;
  return false;
}

/** Arrow keys step only when no widget has focus (or the lesson bar has it). */
function arrowsFree(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement) || el === document.body) return true;
  return !!el.closest('[data-lesson-keys]') || !el.closest('[data-panel], [tabindex], a, button');
}

function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
  if (document.querySelector('dialog[open]')) return;
  if (ownsKeys(e.target)) return;
  const { presenter } = lab.getState().params;
  if (e.key === 'Escape' && presenter) {
    setParams({ presenter: false });
    e.preventDefault();
    return;
  }
  if ((e.key === 'p' || e.key === 'P') && !e.shiftKey) {
    setParams({ presenter: !presenter });
    e.preventDefault();
    return;
  }
  const paging = e.key === 'PageDown' || e.key === 'PageUp';
  const arrow = e.key === 'ArrowRight' || e.key === 'ArrowLeft';
  if (!paging && !(arrow && arrowsFree(e.target))) return;
  const delta = e.key === 'PageDown' || e.key === 'ArrowRight' ? 1 : -1;
  // In a lesson the keys always belong to it (no page scroll), even at either end.
  if (chapterOf(lab.getState().params.lesson)) {
    moveStep(delta);
    e.preventDefault();
  }
}

function PresenterStyle() {
  const { presenter, lesson, step } = useParams((p) => ({
    presenter: p.presenter,
    lesson: p.lesson,
    step: p.step,
  }));
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
    return () => document.documentElement.classList.remove('presenter');
  }, [presenter]);
  const chapter = chapterOf(lesson);
  const s = presenter && chapter ? chapter.steps[stepIndex(chapter, step)] : undefined;
  useSheet(s ? presenterCss(s.panel, s.controls) : '');
  return null;
}

export function TeachLayer() {
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <ClassroomLayer />
      <PresenterStyle />
      <LessonBar />
    </>
  );
}

/** The header's teaching tools: lesson menu, presenter toggle, share. */
export function TeachTools() {
  return (
    <span className="teach-tools">
      <LessonPicker />
      <PresenterButton />
      <ShareButton />
    </span>
  );
}
