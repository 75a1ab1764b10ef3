/**
 * The share dialog (header button): the link of the current view with a copy button (Clipboard
 * API, falling back to a selected field) and its QR code, and the classroom link builder: hide
 * controls and panels, lock parameters, open a lesson at a step, start in presenter mode. Both
 * links are made by the one URL codec (state/url.ts encode), so they decode like any other.
 */
import { useRef, useState } from 'react';
import { useT } from '../../state/i18n';
import { encode } from '../../state/url';
import {
  CONTROL_KEYS,
  PANEL_IDS,
  type ControlKey,
  type PanelId,
  type Params,
} from '../../state/schema';
import { lab, useParams } from '../../state/store';
import { CHAPTERS, chapterOf, stepIndex, type ChapterId } from '../lessons/chapters';
import { controlLabel } from './labels';
import { QrCode } from './QrCode';

export const linkOf = (p: Params): string => `${location.origin}${location.pathname}?${encode(p)}`;

interface Classroom {
  hc: ControlKey[];
  hp: PanelId[];
  lock: ControlKey[];
  lesson: ChapterId | 'none';
  step: number;
  presenter: boolean;
}

/** The classroom link's parameters: the current view, the choices, and the step's own settings. */
export function classroomParams(p: Params, c: Classroom): Params {
  const chapter = chapterOf(c.lesson);
  const i = chapter ? stepIndex(chapter, c.step) : 0;
  return {
    ...p,
    ...(chapter ? chapter.steps[i]!.params : {}),
    hideControls: CONTROL_KEYS.filter((k) => c.hc.includes(k)),
    hidePanels: PANEL_IDS.filter((k) => c.hp.includes(k)),
    lock: CONTROL_KEYS.filter((k) => c.lock.includes(k)),
    lesson: c.lesson,
    step: chapter ? i + 1 : 1,
    presenter: c.presenter,
  };
}

/** Copies `text`; on refusal selects `field` so the user can copy it. Resolves to success. */
async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}

function LinkField(props: { link: string; testId: string; copyLabel: string }) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'ok' | 'fail'>('idle');
  return (
    <div className="share-link">
      <label>
        <span className="visually-hidden">{t('teach.link')}</span>
        <input
          ref={ref}
          type="text"
          readOnly
          data-testid={props.testId}
          value={props.link}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <button
        type="button"
        data-testid={`${props.testId}-copy`}
        onClick={() =>
          void copy(props.link, ref.current).then((ok) => setStatus(ok ? 'ok' : 'fail'))
        }
      >
        {props.copyLabel}
      </button>
      <span className="share-status" role="status" data-testid={`${props.testId}-status`}>
        {status === 'ok' ? t('teach.copied') : status === 'fail' ? t('teach.copyFailed') : ''}
      </span>
    </div>
  );
}

function Checks<K extends string>(props: {
  legend: string;
  ids: readonly K[];
  chosen: K[];
  label: (k: K) => string;
  prefix: string;
  onChange: (next: K[]) => void;
}) {
  return (
    <fieldset className="share-checks">
      <legend>{props.legend}</legend>
      {props.ids.map((k) => (
        <label key={k}>
          <input
            type="checkbox"
            data-testid={`${props.prefix}-${k}`}
            checked={props.chosen.includes(k)}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...props.chosen, k] : props.chosen.filter((x) => x !== k),
              )
            }
          />
          {props.label(k)}
        </label>
      ))}
    </fieldset>
  );
}

function ShareBody() {
  const t = useT();
  const params = useParams((p) => p);
  const [c, setC] = useState<Classroom>(() => {
    const p = lab.getState().params;
    return {
      hc: [...p.hideControls],
      hp: [...p.hidePanels],
      lock: [...p.lock],
      lesson: p.lesson,
      step: p.step,
      presenter: false,
    };
  });
  const link = linkOf(params);
  const classroom = linkOf(classroomParams(params, c));
  const chapter = chapterOf(c.lesson);
  const set = (patch: Partial<Classroom>) => setC((old) => ({ ...old, ...patch }));
  const control = (k: ControlKey) => `${controlLabel(t, k)} (${k})`;
  return (
    <>
      <p className="share-help">{t('teach.share.help')}</p>
      <div className="share-row">
        <LinkField link={link} testId="share-link" copyLabel={t('teach.copy')} />
        <QrCode text={link} testId="share-qr" />
      </div>
      <h3>{t('teach.classroom')}</h3>
      <p className="share-help">{t('teach.classroom.help')}</p>
      <div className="share-builder">
        <Checks
          legend={t('teach.hideControls')}
          ids={CONTROL_KEYS}
          chosen={c.hc}
          label={control}
          prefix="hc"
          onChange={(hc) => set({ hc })}
        />
        <Checks
          legend={t('teach.hidePanels')}
          ids={PANEL_IDS}
          chosen={c.hp}
          label={(p) => t(`teach.panel.${p}`)}
          prefix="hp"
          onChange={(hp) => set({ hp })}
        />
        <Checks
          legend={t('teach.lock')}
          ids={CONTROL_KEYS}
          chosen={c.lock}
          label={control}
          prefix="lock"
          onChange={(lock) => set({ lock })}
        />
        <fieldset className="share-lesson">
          <legend>{t('teach.lessonAt')}</legend>
          <label>
            <span className="visually-hidden">{t('teach.lesson')}</span>
            <select
              data-testid="classroom-lesson"
              value={c.lesson}
              onChange={(e) => set({ lesson: e.target.value as Classroom['lesson'], step: 1 })}
            >
              <option value="none">{t('teach.noLesson')}</option>
              {CHAPTERS.map((ch) => (
                <option key={ch.id} value={ch.id}>
                  {t(`lessons.chapter.${ch.id}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('teach.step')}{' '}
            <select
              data-testid="classroom-step"
              value={chapter ? stepIndex(chapter, c.step) + 1 : 1}
              disabled={!chapter}
              onChange={(e) => set({ step: Number(e.target.value) })}
            >
              {(chapter?.steps ?? []).map((s, i) => (
                <option key={s.id} value={i + 1}>
                  {i + 1} · {t(`lessons.${chapter!.id}.${s.id}.title`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="classroom-presenter"
              checked={c.presenter}
              onChange={(e) => set({ presenter: e.target.checked })}
            />
            {t('teach.presenterStart')}
          </label>
        </fieldset>
      </div>
      <div className="share-row">
        <LinkField link={classroom} testId="classroom-link" copyLabel={t('teach.copyClassroom')} />
        <QrCode text={classroom} testId="classroom-qr" />
      </div>
    </>
  );
}

export function ShareButton() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="share-button"
        data-testid="share-button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {t('teach.share')}
      </button>
      <dialog
        ref={ref}
        className="share-dialog"
        data-testid="share-dialog"
        aria-labelledby="share-title"
        onClose={() => setOpen(false)}
      >
        <header>
          <h2 id="share-title">{t('teach.share.title')}</h2>
          <button type="button" aria-label={t('teach.close')} onClick={() => ref.current?.close()}>
            ×
          </button>
        </header>
        {open && <ShareBody />}
      </dialog>
    </>
  );
}
