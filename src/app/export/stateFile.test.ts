import { describe, expect, it } from 'vitest';
import { defaultParams, SCHEMA_VERSION } from '../../state/schema';
import { encode } from '../../state/url';
import { parseState, stateToJson } from './stateFile';

describe('state file', () => {
  it('round-trips a state', () => {
    const p = {
      ...defaultParams(),
      measure: 'legt' as const,
      N: 17,
      theta: 0.25,
      disc: 'zoh' as const,
      rtfA: [-0.5, 0.1],
      signal: 'drawn' as const,
      drawn: [0, 0.5, -1.25, 3],
      lang: 'zh' as const,
    };
    const r = parseState(stateToJson(p));
    expect(r).toEqual({ ok: true, params: p, notices: [] });
    if (r.ok) expect(encode(r.params)).toBe(encode(p));
  });

  it('rejects text that is not JSON, and JSON that is not an SSM Lab state', () => {
    for (const text of ['', 'not json', '{"app":', 'N,u\n1,2']) {
      const r = parseState(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.key).toBe('export.state.notJson');
    }
    for (const text of ['[]', '42', 'null', '{"params":{"N":3}}', '{"app":"other","params":{}}']) {
      const r = parseState(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.key).toBe('export.state.notState');
    }
  });

  it('reports unknown keys, wrong values and clamping per key, keeping the rest', () => {
    const text = JSON.stringify({
      app: 'ssm-lab',
      v: SCHEMA_VERSION,
      params: { N: 9999, measure: 'nope', dt: 0.5, colour: 'red', correction: 'yes' },
    });
    const r = parseState(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.params.N).toBe(256);
    expect(r.params.measure).toBe('legs');
    expect(r.params.dt).toBe(0.5);
    expect(r.params.correction).toBe(true);
    const keys = r.notices.map((n) => `${n.key}:${String(n.vars?.name ?? n.vars?.key)}`);
    expect(keys).toEqual([
      'export.state.adjusted:N',
      'export.state.invalid:Measure',
      'export.state.unknown:colour',
      'export.state.invalid:C̃ correction',
    ]);
  });

  it('reports a future version and a drawn signal without samples', () => {
    const r = parseState(
      JSON.stringify({ app: 'ssm-lab', v: SCHEMA_VERSION + 1, params: { signal: 'drawn' } }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.params.signal).toBe('sines');
    expect(r.notices.map((n) => n.key)).toEqual(['export.state.version', 'export.state.noDrawn']);
  });
});
