// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that would tie the engine to one place it runs. */
const notInSimulation = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'simulation/ is pure TypeScript: no React.' },
  { group: ['d3', 'd3-*'], message: 'simulation/ is pure TypeScript: no d3 (charts live in renderer/).' },
  { group: ['electron', 'electron/*'], message: 'simulation/ must run anywhere: no Electron.' },
  { group: ['node:*'], message: 'simulation/ must run in a browser worker: no Node modules (only simulation/cli and simulation/bench may).' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'simulation/ imports nothing from the hosts or the UI.' },
  { group: ['zustand', 'zustand/*', 'immer'], message: 'simulation/ holds no UI state.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'net', 'url', 'util'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'event', message: 'Use the handler argument.' }],
    },
  },
  {
    files: ['simulation/**/*.ts'],
    ignores: ['simulation/cli/**', 'simulation/bench/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: notInSimulation, paths: nodeBuiltins.map((name) => ({ name, message: 'simulation/ may not use Node.' })) }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded random stream: results must depend only on the seed.' },
        { object: 'Date', property: 'now', message: 'Simulated time only: results must not depend on the clock.' },
        { object: 'performance', property: 'now', message: 'Simulated time only: results must not depend on the clock.' },
      ],
    },
  },
  {
    files: ['simulation/cli/**/*.ts', 'simulation/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'd3', 'd3-*', 'electron', '**/renderer/**', '**/electron/**'], message: 'The CLI uses the engine and Node only.' }] }],
    },
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to its host only through the HostApi.' },
            { name: 'd3', message: 'Import d3 through renderer/src/charts/d3.ts (the d3 modules the charts use), not the whole d3 bundle.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'No Node in the renderer.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'No Node in the renderer.' },
            { group: ['electron/*'], message: 'The renderer talks to its host only through the HostApi.' },
            { regex: '(^|/)electron/(?!api/)', message: 'Only electron/api (the typed contract) may be imported by the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', 'react'], message: 'The API contract is shared with the renderer: pure TypeScript only.' }] }],
    },
  },
  {
    files: ['electron/node/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Plain Node modules: tests and the web host run them without Electron.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs}', 'test/**/*.{ts,tsx}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
);
