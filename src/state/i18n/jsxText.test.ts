/**
 * Every user-visible string in the app and the panels goes through t(): this scan fails on an
 * English word in JSX text, or in a visible attribute (title, aria-label, label, caption, help,
 * placeholder, alt) given as a plain string literal, in any .tsx file under src/app or
 * src/panels. Symbols, units, identifiers and math are allowed (ALLOWED below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/app', 'src/panels'];
const VISIBLE_ATTRS = new Set([
  'title',
  'aria-label',
  'aria-valuetext',
  'aria-roledescription',
  'label',
  'caption',
  'help',
  'placeholder',
  'alt',
]);
/** Words that read the same in every language: names, units, math functions, identifiers. */
const ALLOWED = new Set(
  'SSM Lab LegS LegT LMU LagT FouT HiPPO NPLR DPLR RTF FFT GPU CPU WebGPU S4D ssToTf max log cond rad impl'.split(
    ' ',
  ),
);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsxFiles(join(dir, e.name))
      : e.name.endsWith('.tsx') && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

/** English words (3+ letters, not a subscript like K_naive) in `text`, less the allowlist. */
export function englishWords(text: string): string[] {
  return (text.match(/(?<![_\w])[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED.has(w));
}

function findings(file: string): string[] {
  const src = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const out: string[] = [];
  const where = (n: ts.Node) =>
    `${file}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isJsxText(n) && englishWords(n.text).length)
      out.push(`${where(n)} text “${n.text.trim()}”`);
    if (ts.isJsxAttribute(n) && VISIBLE_ATTRS.has(n.name.getText(src)) && n.initializer) {
      const init = n.initializer;
      const lit = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : undefined;
      if (lit && englishWords(lit.text).length)
        out.push(`${where(n)} ${n.name.getText(src)}="${lit.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('UI strings are externalised', () => {
  it('the scan notices English in JSX text and in visible attributes', () => {
    expect(englishWords('Reset panel')).toEqual(['Reset', 'panel']);
    expect(englishWords('x_n(t) = ')).toEqual([]);
    expect(englishWords('max|K − K_naive| · LegS · 3 dB')).toEqual([]);
  });

  it('no .tsx file under src/app or src/panels has English JSX text outside t()', () => {
    const files = ROOTS.flatMap(tsxFiles);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(findings)).toEqual([]);
  });
});
