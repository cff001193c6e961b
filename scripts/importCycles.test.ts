import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * Proves that the import-cycle check bites: `npm run lint` runs `npm run cycles`, and the
 * project's dependency-cruiser configuration refuses a planted cycle, type-only ones included.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = path.join(root, '.dependency-cruiser.cjs');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

function cruise(cwd: string, folders: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [depcruise, '--config', config, '--output-type', 'err', ...folders], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('import cycle check', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cycles-'));
    await fs.mkdir(path.join(folder, 'src'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  async function plant(files: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(folder, 'src', name), text);
  }

  it('runs as part of npm run lint, on every source folder', () => {
    expect(scripts.lint).toMatch(/&& npm run cycles$/);
    for (const source of ['electron', 'shared', 'renderer', 'e2e', 'scripts', 'bench']) expect(scripts.cycles.split(' ')).toContain(source);
    expect(scripts.cycles).toContain('--config .dependency-cruiser.cjs');
  });

  it('refuses two files that import each other', async () => {
    await plant({
      'a.ts': "import { b } from './b';\nexport const a = () => b();\n",
      'b.ts': "import { a } from './a';\nexport const b = () => a();\n",
    });
    const result = cruise(folder, ['src']);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/no-import-cycles: src\/a\.ts/);
  });

  it('refuses a cycle made only of type imports', async () => {
    await plant({
      'a.ts': "import type { B } from './b';\nexport interface A { b: B }\n",
      'b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
    });
    const result = cruise(folder, ['src']);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/no-import-cycles/);
  });

  it('refuses a longer cycle closed by one type import (a .tsx among them)', async () => {
    await plant({
      'a.ts': "import { c } from './c';\nexport const a = c + 1;\n",
      'c.tsx': "import { b } from './b';\nexport const c = b + 1;\n",
      'b.ts': "import type { A } from './types';\nexport const b = 1;\nexport type B = A;\n",
      'types.ts': "import type { a } from './a';\nexport type A = typeof a;\n",
    });
    const result = cruise(folder, ['src']);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/no-import-cycles/);
  });

  it('accepts imports that go one way', async () => {
    await plant({
      'a.ts': "import { b } from './b';\nimport type { B } from './types';\nexport const a: B = b;\n",
      'b.ts': "import type { B } from './types';\nexport const b: B = 1;\n",
      'types.ts': 'export type B = number;\n',
    });
    const result = cruise(folder, ['src']);
    expect(result.output).toMatch(/no dependency violations found/);
    expect(result.status).toBe(0);
  });

  it('finds no cycle in the project today', () => {
    const folders = scripts.cycles.split(' ').slice(5);
    const result = cruise(root, folders);
    expect(result.output).toMatch(/no dependency violations found/);
    expect(result.status).toBe(0);
  });
});
