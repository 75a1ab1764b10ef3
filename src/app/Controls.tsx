/**
 * The control bar: the parameters that matter most, each bound to its schema field
 * (label, range, tooltip, URL key as data-param). Advanced conventions fold away.
 */
import { useId } from 'react';
import { fmt } from '../panels/Panel';
import { useT } from '../state/i18n';
import { schema, type EnumField, type NumberField, type ParamName } from '../state/schema';
import { setParams, useParam } from '../state/store';

type NumberParam = {
  [K in ParamName]: (typeof schema)[K] extends NumberField ? K : never;
}[ParamName];
type EnumParam = { [K in ParamName]: (typeof schema)[K] extends EnumField ? K : never }[ParamName];

const STEPS = 1000;

function toSlider(f: NumberField, v: number): number {
  if (f.log)
    return Math.round(
      ((Math.log(v) - Math.log(f.min)) / (Math.log(f.max) - Math.log(f.min))) * STEPS,
    );
  return f.kind === 'int' ? v : Math.round(((v - f.min) / (f.max - f.min)) * STEPS);
}
function fromSlider(f: NumberField, s: number): number {
  if (f.log) {
    const v = Math.exp(Math.log(f.min) + (s / STEPS) * (Math.log(f.max) - Math.log(f.min)));
    return f.kind === 'int' ? Math.round(v) : +v.toPrecision(3);
  }
  return f.kind === 'int' ? s : +(f.min + (s / STEPS) * (f.max - f.min)).toPrecision(4);
}

export function Slider({ name, format }: { name: NumberParam; format?: (v: number) => string }) {
  const f = schema[name] as NumberField;
  const value = useParam(name) as number;
  const id = useId();
  const t = useT();
  const linearInt = f.kind === 'int' && !f.log;
  return (
    <label
      className="control"
      htmlFor={id}
      title={t('param.range', { help: t(`param.${name}.help`), min: f.min, max: f.max })}
    >
      <span>{t(`param.${name}.label`)}</span>
      <span className="row">
        <input
          id={id}
          type="range"
          data-param={f.key}
          min={linearInt ? f.min : 0}
          max={linearInt ? f.max : STEPS}
          step={1}
          value={toSlider(f, value)}
          aria-valuetext={format ? format(value) : String(value)}
          onChange={(e) => setParams({ [name]: fromSlider(f, Number(e.target.value)) })}
        />
        <output className="num" htmlFor={id}>
          {format ? format(value) : f.kind === 'int' ? String(value) : fmt(value, 3)}
        </output>
      </span>
    </label>
  );
}

export function Select({ name, labels }: { name: EnumParam; labels?: Record<string, string> }) {
  const f = schema[name] as EnumField;
  const value = useParam(name) as string;
  const id = useId();
  const t = useT();
  return (
    <label className="control" htmlFor={id} title={t(`param.${name}.help`)}>
      <span>{t(`param.${name}.label`)}</span>
      <select
        id={id}
        data-param={f.key}
        value={value}
        onChange={(e) => setParams({ [name]: e.target.value })}
      >
        {f.options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? t(`option.${name}.${o}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export const MEASURE_LABELS: Record<string, string> = {
  legs: 'LegS',
  legt: 'LegT',
  lmu: 'LMU',
  lagt: 'LagT',
  fout: 'FouT',
};

export function Controls({ children }: { children?: React.ReactNode }) {
  const t = useT();
  return (
    <div className="controls" role="group" aria-label={t('app.controls')}>
      <Select name="measure" labels={MEASURE_LABELS} />
      <Slider name="N" />
      <Slider name="theta" />
      <Slider name="dt" />
      <Select name="disc" />
      <Slider name="L" />
      <Select name="signal" />
      {children}
      <details className="advanced">
        <summary>{t('app.conventions')}</summary>
        <Slider name="seed" format={(v) => String(v)} />
        <Select name="normalization" />
        <Select name="rtfConvention" />
      </details>
    </div>
  );
}
