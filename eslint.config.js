// @ts-check
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Layering (DESIGN §1): core ← gpu ← state ← panels ← app, with panels never touching gpu.
 * Each folder lists what it may not import. Relative specifiers are matched by regex, so
 * `../gpu`, `../../gpu/fft` and `../gpu/index.ts` are all caught; packages are matched by name
 * and by subpath (`react`, `react/jsx-runtime`, `@tensorflow/tfjs-core`).
 */
const intoFolders = (/** @type {string[]} */ folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

const layer = (
  /** @type {string} */ folder,
  /** @type {{ packages: string[], folders: string[], why: string }} */ { packages, folders, why },
) => ({
  name: `ssm-lab/layering/${folder}`,
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/|$)`,
            message: `${why} (DESIGN §1)`,
          },
          { regex: intoFolders(folders), message: `${why} (DESIGN §1)` },
        ],
      },
    ],
  },
});

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-*/',
    '.device/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'bench/*.json',
    '**/*.tsbuildinfo',
  ]),

  tseslint.configs.recommended,

  {
    name: 'ssm-lab/import-cycles',
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle only follows files it can parse: tell it about TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
    },
  },

  {
    name: 'ssm-lab/react-hooks',
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },

  {
    name: 'ssm-lab/typescript',
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  layer('core', {
    packages: ['react', 'react-dom', 'd3', 'd3-selection', '@tensorflow', 'zustand', 'katex'],
    folders: ['gpu', 'state', 'panels', 'app'],
    why: 'src/core is pure float64 math: no DOM, React, d3-selection, tfjs, store or UI imports',
  }),
  layer('gpu', {
    packages: ['react', 'react-dom'],
    folders: ['state', 'panels', 'app'],
    why: 'src/gpu may import src/core only: no React, store or UI imports',
  }),
  layer('state', {
    packages: ['react-dom'],
    folders: ['panels', 'app'],
    why: 'src/state may import src/core and the compute service in src/gpu only, not panels/app',
  }),
  layer('panels', {
    packages: ['@tensorflow'],
    folders: ['gpu'],
    why: 'src/panels import src/core and src/state, never src/gpu or tfjs',
  }),
);
