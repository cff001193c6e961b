import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimeImportsOf, windowStartImports } from './windowStartImports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('what the window loads at start (#25 heap)', () => {
  it('reaches no zod: the contract is checked by main, and dialogs that check their input load it on first use', () => {
    const start = windowStartImports(root, 'renderer/src/main.tsx');
    expect(start.files.size).toBeGreaterThan(100);
    const zod = [...start.packages].filter(([name]) => name === 'zod' || name.startsWith('zod/'));
    expect(zod, `imported at start by ${zod.map(([, file]) => file).join(', ')}`).toEqual([]);
  });

  it('leaves the lazily loaded panes out', () => {
    const start = windowStartImports(root, 'renderer/src/main.tsx');
    for (const lazy of ['renderer/src/components/transfer/ExportDialog.tsx', 'renderer/src/components/transfer/ImportDialog.tsx', 'renderer/src/components/annotations/TagSetEditor.tsx', 'shared/userProblem.ts']) {
      expect(start.files.has(lazy), lazy).toBe(false);
    }
  });

  it('follows value imports and re-exports, not type-only imports or import()', () => {
    const source = [
      "import type { A } from './typeOnly';",
      "import { type B, type C } from './typesOnly';",
      "import { type D, e } from './mixed';",
      "import f from './defaultImport';",
      "import './sideEffect';",
      "export { g } from './reexport';",
      "export type { H } from './typeReexport';",
      "const lazy = () => import('./lazy');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(runtimeImportsOf('probe.ts', source)).toEqual(['./mixed', './defaultImport', './sideEffect', './reexport', 'zod']);
  });
});
