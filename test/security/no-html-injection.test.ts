/**
 * Issue [E]5: nothing from a URL or an imported file is ever inserted as HTML. The whole of src/
 * is scanned for the ways a string becomes markup; the one allowed place is the KaTeX renderer
 * (Panel.tsx's Equation), which renders our own TeX with trust limited to its own number slots — checked below on hostile
 * input, as if one of its strings ever did come from outside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { texToHtml } from '../../src/panels/Panel';

const SRC = join(__dirname, '../../src');

/** Every way a string turns into DOM markup (or script) in a browser or in React/d3. */
const SINKS: [string, RegExp][] = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['setHTMLUnsafe / parseHTMLUnsafe', /\b(setHTMLUnsafe|parseHTMLUnsafe)\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ["d3's selection.html()", /\.html\s*\(/],
  ['eval / new Function', /\beval\s*\(|\bnew\s+Function\s*\(/],
];

/** The single allowed sink: the KaTeX equation. */
const ALLOWED = new Map([['panels/Panel.tsx', ['dangerouslySetInnerHTML']]]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** `file:line sink: text` for every sink on a non-comment line that the file is not allowed. */
function sinksIn(rel: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments
    for (const [name, re] of SINKS)
      if (re.test(line) && !ALLOWED.get(rel)?.includes(name))
        found.push(`${rel}:${i + 1} ${name}: ${line.trim()}`);
  });
  return found;
}

describe('no HTML injection', () => {
  it('the scan sees each kind of sink', () => {
    const sample = [
      'el.innerHTML = s;',
      '// el.innerHTML in a comment is fine',
      'd3.select(node).html(label);',
      '<div dangerouslySetInnerHTML={{ __html: s }} />',
      'node.insertAdjacentHTML("beforeend", s);',
      'new DOMParser().parseFromString(s, "text/html");',
      'const f = new Function(s);',
    ].join('\n');
    expect(sinksIn('app/x.tsx', sample).map((f) => /^\S+ (.+?): /.exec(f)?.[1])).toEqual([
      'innerHTML',
      "d3's selection.html()",
      'dangerouslySetInnerHTML',
      'insertAdjacentHTML',
      'DOMParser',
      'eval / new Function',
    ]);
  });

  it('src/ inserts HTML only in the KaTeX equation', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      sinksIn(relative(SRC, file).split('\\').join('/'), readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
    // The allowed use is still there and is the KaTeX one.
    const panel = readFileSync(join(SRC, 'panels/Panel.tsx'), 'utf8');
    expect(panel.match(/dangerouslySetInnerHTML/g)).toHaveLength(1);
    expect(panel).toMatch(/dangerouslySetInnerHTML=\{\{ __html: html \}\}/);
    expect(panel).toMatch(/typeset = useMemo\(\(\) => equationSlots\(shown\.tex\)/);
    expect(panel).toMatch(/html = useMemo\(\(\) => texToHtml\(typeset\.marked\)/);
  });

  it('the KaTeX renderer turns hostile TeX into inert text', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\includegraphics{http://remote.example/x.png}',
      '\\htmlClass{x}{y} \\htmlId{x}{y} \\htmlStyle{color:red}{y} \\htmlData{onclick=alert(1)}{y}',
      '</span><script>alert(1)</script>',
    ];
    for (const tex of hostile) {
      const html = texToHtml(tex);
      expect(html, tex).not.toMatch(/<(img|script|a|iframe|object)\b/i);
      // Inside a tag (the MathML annotation keeps the TeX as escaped text, which is inert).
      expect(html, tex).not.toMatch(/<[^>]*(\son\w+=|javascript:|remote\.example|data-onclick)/i);
    }
    // Our own TeX still renders.
    expect(texToHtml('\\bar A = (I - \\tfrac{\\Delta}{2}A)^{-1}')).toMatch(/class="katex"/);
  });
});
