import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves that the layering rules bite: a forbidden import in a runtime folder fails lint
 * (and so `npm test`), and shared/ compiles without Node or DOM types.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImportMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layering lint', () => {
  it('refuses node:fs in shared/', async () => {
    const messages = await restrictedImportMessages("import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'shared/probe.ts');
    expect(messages.join('\n')).toMatch(/shared\/ is pure TypeScript/);
  });

  it('refuses electron and React in shared/', async () => {
    expect(await restrictedImportMessages("import { app } from 'electron';\nexport const a = app;\n", 'shared/model/probe.ts')).not.toHaveLength(0);
    expect(await restrictedImportMessages("import { useState } from 'react';\nexport const s = useState;\n", 'shared/probe.ts')).not.toHaveLength(0);
  });

  it('refuses electron, node:* and the main-process code in renderer/', async () => {
    expect(await restrictedImportMessages("import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", 'renderer/src/probe.tsx')).not.toHaveLength(0);
    expect(await restrictedImportMessages("import path from 'node:path';\nexport const p = path;\n", 'renderer/src/probe.ts')).not.toHaveLength(0);
    expect(await restrictedImportMessages("import { CorpusSession } from '../electron/services/corpus/corpusSession';\nexport const c = CorpusSession;\n", 'renderer/src/probe.ts')).not.toHaveLength(0);
  });

  it('refuses renderer code in electron/', async () => {
    expect(await restrictedImportMessages("import { App } from '../renderer/src/components/app/App';\nexport const a = App;\n", 'electron/probe.ts')).not.toHaveLength(0);
  });

  it('accepts what each layer may use', async () => {
    expect(await restrictedImportMessages("import { z } from 'zod';\nexport const s = z.string();\n", 'shared/probe.ts')).toHaveLength(0);
    expect(await restrictedImportMessages("import { ipcContract } from '../shared/ipc';\nexport const c = ipcContract;\n", 'renderer/src/probe.ts')).toHaveLength(0);
    expect(await restrictedImportMessages("import path from 'node:path';\nexport const p = path;\n", 'electron/probe.ts')).toHaveLength(0);
  });
});

describe('layering types', () => {
  it('shared/ compiles with neither Node nor DOM types', async () => {
    const probe = path.join(root, 'shared', `.layering-probe-${process.pid}.ts`);
    const config = path.join(root, `tsconfig.layering-probe-${process.pid}.json`);
    await fs.writeFile(probe, "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const title = document.title;\n");
    await fs.writeFile(config, JSON.stringify({ extends: './tsconfig.shared.json', include: [path.relative(root, probe)], exclude: [] }));
    try {
      const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config, '--noEmit'], { cwd: root, encoding: 'utf8' });
      expect(result.status).not.toBe(0);
      expect(result.stdout).toMatch(/Cannot find (module|name) 'node:fs'/);
      expect(result.stdout).toMatch(/Cannot find name 'document'/);
    } finally {
      await fs.rm(probe, { force: true });
      await fs.rm(config, { force: true });
    }
  });
});
