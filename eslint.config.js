// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import zones: which layer may import what (see README "Architecture"). */
const layer = (name) => [`**/${name}`, `**/${name}/**`];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'stream', 'url', 'util', 'events'];

/**
 * Demo data and test fixtures live in dev/. Production code never imports them; tests, scripts and
 * the one entry that starts local demo mode do.
 */
const DEMO_ENTRY = 'src-renderer/db/seed-demo-data.ts';
const devMessage = `Demo data and test fixtures (dev/) are for tests, scripts and the local demo entry (${DEMO_ENTRY}), not production code.`;

const zone = ({ layers, packages = [], message, ipc = true }, { dev = false } = {}) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: layers.flatMap(layer), message },
        ...(packages.length ? [{ group: packages, message }] : []),
        ...(dev ? [] : [{ group: layer('dev'), message: devMessage }]),
      ],
      paths: ipc
        ? [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Raw IPC only in src-main/ipc and src-main/preload: use the typed contract.' }]
        : [],
    },
  ],
});

const sharedZone = {
  layers: ['src-renderer', 'src-portal', 'src-main', 'src-server'],
  packages: ['electron', 'react', 'react-dom', 'react/*', 'rxdb', 'rxdb/*', 'fastify', '@fastify/*', 'pg', '@electric-sql/*', ...nodeBuiltins],
  message: 'src-shared is pure: no other src-* layer, no Electron/React/RxDB/Fastify/Node I/O.',
};
const rendererZone = {
  layers: ['src-portal', 'src-main', 'src-server'],
  packages: ['electron', ...nodeBuiltins],
  message: 'The renderer imports only src-shared and itself, and reaches main through the typed API.',
  ipc: false,
};
const portalZone = {
  layers: ['src-renderer', 'src-main', 'src-server'],
  packages: ['electron', ...nodeBuiltins],
  message: 'The external portal imports only src-shared and itself, and reaches the server over HTTP.',
  ipc: false,
};
const mainZone = { layers: ['src-renderer', 'src-portal', 'src-server'], message: 'src-main imports only src-shared and itself.' };
const serverZone = {
  layers: ['src-renderer', 'src-portal', 'src-main'],
  packages: ['electron'],
  message: 'src-server imports only src-shared and itself.',
  ipc: false,
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    rules: zone(sharedZone),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...zone(rendererZone) },
  },
  { files: ['src-renderer/**/*.test.ts', DEMO_ENTRY], rules: zone(rendererZone, { dev: true }) },
  {
    files: ['src-portal/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...zone(portalZone) },
  },
  {
    files: ['src-main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: zone(mainZone),
  },
  {
    files: ['src-main/ipc/**/*.ts', 'src-main/preload/**/*.ts'],
    rules: zone({ ...mainZone, ipc: false }),
  },
  { files: ['src-main/**/*.test.ts'], rules: zone(mainZone, { dev: true }) },
  {
    files: ['src-server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: zone(serverZone),
  },
  { files: ['src-server/**/*.test.ts'], rules: zone(serverZone, { dev: true }) },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
);
