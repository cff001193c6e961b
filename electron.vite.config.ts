import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
// @ts-expect-error: a plain .mjs build helper without type declarations.
import { licencesPlugin } from './build/licences.mjs';

export default defineConfig({
  main: {
    // (#23) out/main/licences.json: the licences of the bundled packages, for Help › About.
    plugins: [licencesPlugin(__dirname, 'dependencies')],
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          cli: resolve(__dirname, 'electron/cli/cli.ts'),
          exportWorker: resolve(__dirname, 'electron/services/transfer/exportWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    // (#23) out/renderer/licences.json: the packages bundled into the window.
    plugins: [react(), licencesPlugin(__dirname, 'bundled')],
    build: {
      outDir: 'out/renderer',
      // Class private methods (marked's, #23) are lowered: the security scan (Electronegativity's
      // parser, scripts/electronegativity.test.ts) cannot read them, and a file it cannot read is
      // a file it did not check.
      target: 'es2021',
      minify: process.env.HASHIYE_NO_MINIFY ? false : true,
      // A profiling build (unminified) also writes source maps: bench/heapSnapshotCode.mjs places
      // a function's code in its module through them. Never in a build that ships.
      sourcemap: Boolean(process.env.HASHIYE_NO_MINIFY),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
