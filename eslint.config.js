// Layering by runtime (as VS Code's common/browser/node/electron-main): each folder may
// import only what its runtime has. A wrong import fails `npm run lint`, and so `npm test`.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'worker_threads', 'util', 'events', 'http', 'https', 'net'];

export const layeringRules = {
  shared: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node modules.' },
        { group: ['electron', 'electron/*'], message: 'shared/ is pure TypeScript: no Electron.' },
        { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'zundo'], message: 'shared/ is pure TypeScript: no UI libraries.' },
        { group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'], message: 'shared/ must not import the runtimes that use it.' },
      ],
    }],
  },
  renderer: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: nodeBuiltins, message: 'renderer/ runs sandboxed: no Node modules.' },
        { group: ['electron', 'electron/*'], message: 'renderer/ must not import Electron; use window.api.' },
        { group: ['**/electron/**', '../../electron', '../electron'], message: 'renderer/ must not import the main-process code.' },
      ],
    }],
  },
  electron: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'electron/ must not import the renderer.' },
        { group: ['react', 'react-dom', 'zustand'], message: 'electron/ has no UI libraries.' },
      ],
    }],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], rules: layeringRules.shared },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/**/*.test.{ts,tsx}'], rules: layeringRules.renderer },
  { files: ['electron/**/*.ts'], rules: layeringRules.electron },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Renderer stores change only through their named actions (renderer/src/store/README.md):
  // setState is called in the store's own file, never from a component or a flow.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/store/*Store.ts', 'renderer/src/store/window/*Store.ts', 'renderer/src/store/entities/*Store.ts', 'renderer/src/store/patchState.ts', 'renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='setState']", message: 'Change a store through its named actions (xxxActions in its store file), never setState from outside it.' }],
    },
  },
);
