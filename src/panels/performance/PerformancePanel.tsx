/**
 * Performance [performance]: the active backend, and live benchmarks on demand — ms per kernel
 * vs state size N (L fixed) and vs length L (N fixed) for RTF, S4 DPLR and S4D, reproducing
 * RTF's "latency flat in state size" (arXiv 2405.06147, Fig. 3) in this browser. Timing runs in
 * a worker, one call at a time with a yield between calls, so the page stays responsive; rows
 * have window.ssmLab.bench's shape, so WebGPU rows join the same charts when available.
 */
import { select } from 'd3';
import { axisBottom, axisLeft } from '../axis';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useUi } from '../../state/store';
import { useT, type T } from '../../state/i18n';
import { useWidth } from '../chart';
import { Equation, fmt, Panel, Readouts, tex } from '../Panel';
import { performanceTable } from './performance.export';
import './performance.css';
import {
  benchPlan,
  logSlope,
  OP_LABEL,
  OPS,
  RANGES,
  seriesOf,
  seriesPath,
  slopeWords,
  xScaleOf,
  yieldTask,
  yScaleOf,
  type BenchRange,
  type BenchRow,
  type BenchTask,
  type Series,
  type Sweep,
} from './performance.model';
import { startBench } from './performance.runner';

type BenchFn = (
  spec: { op: string; impl?: string; H?: number; N?: number; L?: number }[],
) => Promise<BenchRow[]>;
type FrameStats = () => { count: number; p50: number; p95: number; max: number };

/** The console API's optional pieces (window.ssmLab is installed by the app). */
function labApi(): { bench: BenchFn | undefined; frameStats: FrameStats | undefined } {
  const api = (window as unknown as { ssmLab?: Record<string, unknown> }).ssmLab;
  return {
    bench: typeof api?.bench === 'function' ? (api.bench as BenchFn) : undefined,
    frameStats: typeof api?.frameStats === 'function' ? (api.frameStats as FrameStats) : undefined,
  };
}

interface Run {
  total: number;
  done: number;
  label: string;
  cancel: () => void;
  where: 'worker' | 'main';
}

function taskLabel(t: BenchTask, gpu = false): string {
  return `${t.op}${gpu ? ' (WebGPU)' : ''} · N = ${t.N} · L = ${t.L}`;
}

function drawChart(
  svg: SVGSVGElement,
  series: Series[],
  sweep: Sweep,
  range: BenchRange,
  W: number,
  running: boolean,
  t: T,
): void {
  const m = { top: 12, right: 64, bottom: 36, left: 52 };
  const H = 250;
  const w = Math.max(120, W - m.left - m.right);
  const h = H - m.top - m.bottom;
  select(svg).attr('width', W).attr('height', H).attr('viewBox', `0 0 ${W} ${H}`);
  let g = select(svg).select<SVGGElement>('g.chart');
  if (g.empty()) g = select(svg).append('g').attr('class', 'chart');
  g.attr('transform', `translate(${m.left},${m.top})`);
  const xs = sweep === 'N' ? range.Ns : range.Ls;
  const x = xScaleOf([xs[0]!, xs[xs.length - 1]!], w);
  const y = yScaleOf(series, h);
  const [ylo, yhi] = y.domain() as [number, number];
  const decades: number[] = [];
  for (let e = Math.round(Math.log10(ylo)); e <= Math.round(Math.log10(yhi)); e++)
    decades.push(10 ** e);
  g.selectAll<SVGLineElement, number>('line.grid')
    .data(decades)
    .join('line')
    .attr('class', 'grid')
    .attr('x1', 0)
    .attr('x2', w)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d));
  g.selectAll<SVGGElement, null>('g.x-axis')
    .data([null])
    .join('g')
    .attr('class', 'axis x-axis')
    .attr('transform', `translate(0,${h})`)
    .call(
      axisBottom(x)
        .tickValues(xs)
        .tickFormat((v) => String(v))
        .tickSizeOuter(0),
    );
  g.selectAll<SVGGElement, null>('g.y-axis')
    .data([null])
    .join('g')
    .attr('class', 'axis y-axis')
    .call(
      axisLeft(y)
        .tickValues(decades)
        .tickFormat((v) => String(+(+v).toPrecision(1)))
        .tickSizeOuter(0),
    );
  g.selectAll('text.x-label')
    .data([
      sweep === 'N' ? t('perf.axis.N', { L: range.Lfixed }) : t('perf.axis.L', { N: range.Nfixed }),
    ])
    .join('text')
    .attr('class', 'x-label')
    .attr('x', w)
    .attr('y', h + 31)
    .attr('text-anchor', 'end')
    .text((d) => d);
  g.selectAll('text.y-label')
    .data([t('perf.axis.ms')])
    .join('text')
    .attr('class', 'y-label')
    .attr('transform', 'translate(-40,0) rotate(-90)')
    .attr('text-anchor', 'end')
    .text((d) => d);
  const cls = (s: Series) => `op-${s.op} impl-${s.impl}`;
  g.selectAll<SVGPathElement, Series>('path.series')
    .data(series, (s) => s.key)
    .join('path')
    .attr('class', (s) => `series ${cls(s)}`)
    .attr('data-key', (s) => s.key)
    .attr('d', (s) => seriesPath(s, x, y));
  const dots = series.flatMap((s) => s.points.map((p) => ({ s, p })));
  g.selectAll<SVGCircleElement, (typeof dots)[number]>('circle.pt')
    .data(dots, (d) => `${d.s.key}@${d.p.x}`)
    .join((e) =>
      e
        .append('circle')
        .attr('class', 'pt')
        .call((c) => c.append('title')),
    )
    .attr('class', (d) => `pt ${cls(d.s)}`)
    .attr('cx', (d) => +x(d.p.x).toFixed(2))
    .attr('cy', (d) => +y(d.p.ms).toFixed(2))
    .attr('r', 3)
    .select('title')
    .text(
      (d) =>
        `${OP_LABEL[d.s.op] ? t(`perf.op.${d.s.op}`) : d.s.op} (${d.s.impl}, ${d.s.backend}): ${sweep} = ${d.p.x}, ${fmt(d.p.ms, 3)} ms`,
    );
  // Direct labels at the end of each line, nudged apart where lines end close together.
  const ends = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const p = s.points[s.points.length - 1]!;
      return { s, p, ly: y(p.ms) + 4 };
    })
    .sort((a, b) => a.ly - b.ly);
  for (let i = 1; i < ends.length; i++) ends[i]!.ly = Math.max(ends[i]!.ly, ends[i - 1]!.ly + 12);
  g.selectAll<SVGTextElement, (typeof ends)[number]>('text.end-label')
    .data(ends, (d) => d.s.key)
    .join('text')
    .attr('class', (d) => `end-label ${cls(d.s)}`)
    .attr('x', (d) => x(d.p.x) + 6)
    .attr('y', (d) => d.ly)
    .text((d) => `${d.s.op}${d.s.impl === 'core' ? '' : ` ${d.s.impl}`}`);
  g.selectAll('text.empty')
    .data(series.length === 0 ? [running ? t('perf.measuring') : t('perf.empty')] : [])
    .join('text')
    .attr('class', 'empty')
    .attr('x', w / 2)
    .attr('y', h / 2)
    .attr('text-anchor', 'middle')
    .text((d) => d);
}

export function PerformancePanel() {
  const backend = useUi((u) => u.backend);
  const [rows, setRows] = useState<BenchRow[]>([]);
  const [run, setRun] = useState<Run | null>(null);
  const [status, setStatus] = useState<'idle' | 'running' | 'done' | 'cancelled'>('idle');
  const [rangeName, setRangeName] = useState<'quick' | 'full'>('full');
  const [withGpu, setWithGpu] = useState(false);
  const [frames, setFrames] = useState<ReturnType<FrameStats> | null>(null);
  const t = useT();
  const range = RANGES[rangeName];
  const runRef = useRef<Run | null>(null);

  const boxN = useRef<HTMLDivElement>(null);
  const boxL = useRef<HTMLDivElement>(null);
  const svgN = useRef<SVGSVGElement>(null);
  const svgL = useRef<SVGSVGElement>(null);
  const wN = useWidth(boxN, 520);
  const wL = useWidth(boxL, 520);

  const seriesN = seriesOf(rows, 'N', range);
  const seriesL = seriesOf(rows, 'L', range);
  const running = status === 'running';

  useLayoutEffect(() => {
    if (svgN.current) drawChart(svgN.current, seriesN, 'N', range, wN, running, t);
    if (svgL.current) drawChart(svgL.current, seriesL, 'L', range, wL, running, t);
  });

  // The lab's own frame budget, read from window.ssmLab.frameStats every two seconds.
  useEffect(() => {
    const read = () => setFrames(labApi().frameStats?.() ?? null);
    read();
    const id = setInterval(read, 2000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => () => runRef.current?.cancel(), []);

  const gpuBench = labApi().bench;
  const gpuReady = backend.name === 'webgpu' && !!gpuBench;

  const start = () => {
    const tasks = benchPlan(range);
    const gpuTasks = withGpu && gpuReady ? tasks : [];
    const total = tasks.length + gpuTasks.length;
    let cancelled = false;
    let done = 0;
    setRows([]);
    setStatus('running');
    const update = (label: string) => {
      const r = runRef.current;
      if (!r) return;
      runRef.current = { ...r, done, label };
      setRun(runRef.current);
    };
    const finish = (s: 'done' | 'cancelled') => {
      runRef.current = null;
      setRun(null);
      setStatus(s);
      setFrames(labApi().frameStats?.() ?? null);
    };
    const runGpu = async () => {
      for (const t of gpuTasks) {
        if (cancelled) return;
        update(taskLabel(t, true));
        try {
          const out = await gpuBench!([{ op: t.op, impl: 'wgsl', H: 1, N: t.N, L: t.L }]);
          if (cancelled) return;
          setRows((rs) => [...rs, ...out]);
        } catch (e) {
          setRows((rs) => [
            ...rs,
            {
              op: t.op,
              impl: 'wgsl',
              backend: 'webgpu',
              H: 1,
              N: t.N,
              L: t.L,
              msMedian: NaN,
              msMin: NaN,
              runs: 0,
              error: e instanceof Error ? e.message : String(e),
            },
          ]);
        }
        done++;
        await yieldTask();
      }
      if (!cancelled) finish('done');
    };
    const h = startBench(tasks, {
      onStart: (i) => update(taskLabel(tasks[i]!)),
      onRow: (_, row) => {
        done++;
        setRows((rs) => [...rs, row]);
      },
      onDone: () => {
        if (gpuTasks.length) void runGpu();
        else finish('done');
      },
    });
    runRef.current = {
      total,
      done: 0,
      label: taskLabel(tasks[0]!),
      where: h.where,
      cancel: () => {
        cancelled = true;
        h.cancel();
      },
    };
    setRun(runRef.current);
  };
  const cancel = () => {
    runRef.current?.cancel();
    runRef.current = null;
    setRun(null);
    setStatus('cancelled');
  };

  const slopes = OPS.map((op) => {
    const s = seriesN.find((q) => q.op === op && q.impl === 'core');
    return { op, k: s ? logSlope(s.points) : NaN, s };
  });
  const slopesL = OPS.map((op) => {
    const s = seriesL.find((q) => q.op === op && q.impl === 'core');
    return { op, k: s ? logSlope(s.points) : NaN };
  });
  const at = (op: string, N: number) =>
    seriesN.find((q) => q.op === op && q.impl === 'core')?.points.find((p) => p.x === N)?.ms;
  const nMax = range.Ns[range.Ns.length - 1]!;
  const nMin = range.Ns[0]!;
  const rtfLo = at('rtf', nMin);
  const rtfHi = at('rtf', nMax);
  const dplrHi = at('dplr', nMax);
  const badge =
    backend.name === 'webgpu'
      ? t('app.backend.webgpu', { adapter: backend.adapter ?? t('app.backend.adapter') })
      : t('app.backend.cpu');
  const errors = rows.filter((r) => r.error);

  return (
    <Panel
      id="performance"
      csv={() => performanceTable(rows)}
      title={t('perf.title')}
      caption={t('perf.caption')}
      className="wide"
    >
      <div className="perf-top">
        <span className="perf-backend">
          {t('perf.backend')}{' '}
          <span
            className="badge"
            data-backend={backend.name}
            data-testid="perf-backend"
            title={backend.note ?? backend.adapter ?? ''}
          >
            {badge}
          </span>
          {backend.note && <span className="perf-note">{backend.note}</span>}
        </span>
        <span className="spacer" />
        <label className="perf-opt" title={t('perf.sizes.help')}>
          {t('perf.sizes')}{' '}
          <select
            data-testid="bench-range"
            value={rangeName}
            disabled={running}
            onChange={(e) => setRangeName(e.target.value as 'quick' | 'full')}
          >
            <option value="quick">{t('perf.quick')}</option>
            <option value="full">{t('perf.full')}</option>
          </select>
        </label>
        <label className="perf-opt" title={gpuReady ? t('perf.gpu.help') : t('perf.gpu.needs')}>
          <input
            type="checkbox"
            data-testid="bench-gpu"
            checked={withGpu && gpuReady}
            disabled={!gpuReady || running}
            onChange={(e) => setWithGpu(e.target.checked)}
          />{' '}
          {t('perf.gpu')}
        </label>
        {running ? (
          <button type="button" className="perf-btn" data-testid="bench-cancel" onClick={cancel}>
            {t('perf.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="perf-btn primary"
            data-testid="bench-run"
            onClick={start}
          >
            {status === 'idle' ? t('perf.run') : t('perf.runAgain')}
          </button>
        )}
      </div>
      <div
        className="perf-progress"
        data-testid="bench-status"
        data-status={status}
        aria-live="polite"
      >
        {run ? (
          <>
            <progress max={run.total} value={run.done} />
            <span className="num">
              {run.done} / {run.total}
            </span>
            <span>{t('perf.timing', { label: run.label })}</span>
            <span className="muted">
              {t(run.where === 'worker' ? 'perf.inWorker' : 'perf.onMain')}
            </span>
          </>
        ) : status === 'done' ? (
          <span>
            {t(rows.some((r) => r.impl !== 'core') ? 'perf.doneGpu' : 'perf.done', {
              n: rows.length,
            })}
          </span>
        ) : status === 'cancelled' ? (
          <span>{t('perf.cancelled')}</span>
        ) : (
          <span>{t('perf.nothing')}</span>
        )}
      </div>
      <div className="legend perf-legend">
        {OPS.map((op) => (
          <span key={op}>
            <i className={`sw-${op}`} /> {t(`perf.op.${op}`)}
          </span>
        ))}
        {rows.some((r) => r.impl !== 'core') && (
          <span>
            <i className="sw-gpu" /> {t('perf.legend.gpu')}
          </span>
        )}
      </div>
      <div className="perf-charts">
        <figure>
          <figcaption>{t('perf.fig.N')}</figcaption>
          <div className="plot" ref={boxN}>
            <svg ref={svgN} role="img" aria-label={t('perf.aria.N')} />
          </div>
        </figure>
        <figure>
          <figcaption>{t('perf.fig.L')}</figcaption>
          <div className="plot" ref={boxL}>
            <svg ref={svgL} role="img" aria-label={t('perf.aria.L')} />
          </div>
        </figure>
      </div>
      {errors.length > 0 && (
        <p className="perf-errors">
          {t(errors.length > 1 ? 'perf.failed.many' : 'perf.failed.one', {
            n: errors.length,
            op: errors[0]!.op,
            N: errors[0]!.N ?? '—',
            error: errors[0]!.error ?? '',
          })}
        </p>
      )}
      <Readouts
        items={[
          ...(rows.length === 0 ? [] : slopes).map(({ op, k }) => ({
            label: `${op} vs N:`,
            value: slopeWords(k, 'N', t('perf.flat')),
            title: t('perf.slopeN', { L: range.Lfixed }),
          })),
          ...(rows.length === 0 ? [] : slopesL).map(({ op, k }) => ({
            label: `${op} vs L:`,
            value: slopeWords(k, 'L', t('perf.flat')),
            title: t('perf.slopeL', { N: range.Nfixed }),
          })),
          {
            label: t('perf.frames'),
            value:
              frames && frames.count > 0 ? `${fmt(frames.p95, 3)} ms (n = ${frames.count})` : '—',
            title: t('perf.frames.help'),
          },
        ]}
      />
      <details className="perf-rows">
        <summary>{t('perf.rows', { n: rows.length })}</summary>
        <table className="compact" data-testid="bench-rows">
          <thead>
            <tr>
              <th scope="col">op</th>
              <th scope="col">impl</th>
              <th scope="col">{t('perf.backend')}</th>
              <th scope="col">N</th>
              <th scope="col">L</th>
              <th scope="col">{t('perf.th.median')}</th>
              <th scope="col">{t('perf.th.min')}</th>
              <th scope="col">{t('perf.th.runs')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={i}
                data-op={r.op}
                data-impl={r.impl}
                data-n={r.N ?? ''}
                data-l={r.L}
                data-ms={r.msMedian}
              >
                <td>{r.op}</td>
                <td>{r.impl}</td>
                <td>{r.backend}</td>
                <td className="num">{r.N ?? '—'}</td>
                <td className="num">{r.L}</td>
                <td className="num">{r.error ? t('kernel.state.failed') : fmt(r.msMedian, 3)}</td>
                <td className="num">{r.error ? '—' : fmt(r.msMin, 3)}</td>
                <td className="num">{r.runs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <Equation
        tex={`\\text{RTF: }O(L\\log L)\\ \\text{(state-free)},\\quad \\text{DPLR: }\\tilde O(N+L),\\quad \\text{S4D: }O(NL);\\qquad \\frac{t_{\\mathrm{RTF}}(N{=}${nMax})}{t_{\\mathrm{RTF}}(N{=}${nMin})}=${rtfLo && rtfHi ? tex(rtfHi / rtfLo) : '\\,?'}${dplrHi && rtfHi ? `,\\quad \\frac{t_{\\mathrm{DPLR}}}{t_{\\mathrm{RTF}}}\\Big|_{N=${nMax}}=${tex(dplrHi / rtfHi)}` : ''}`}
        label={t('perf.eqLabel')}
      />
    </Panel>
  );
}
