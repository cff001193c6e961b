import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Proves that the duplication check (jscpd, .jscpd.json) bites: it runs in `npm run lint`, with
 * runs of 6 lines, and a planted copy of a source's lines fails it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function runDuplicates(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'jscpd', 'run-jscpd.js'), '--config', '.jscpd.json', '--silent', '.'], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('duplication check', () => {
  it('runs in npm run lint, on runs of 6 lines or more', async () => {
    const scripts = (JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toContain('npm run duplicates');
    expect(scripts.duplicates).toContain('--config .jscpd.json');
    const config = JSON.parse(await fs.readFile(path.join(root, '.jscpd.json'), 'utf8')) as { minLines: number; threshold: number };
    expect(config.minLines).toBe(6);
    expect(config.threshold).toBe(0);
  });

  it('passes on the sources as they are, and fails on a planted copy of a source file', async () => {
    expect(runDuplicates()).toMatchObject({ status: 0 });
    const source = path.join(root, 'shared', 'formats', 'import', 'jsonRecords.ts');
    const visible = path.join(root, 'shared', 'formats', 'import', `plantedCopy${process.pid}.ts`);
    await fs.copyFile(source, visible);
    try {
      const result = runDuplicates();
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/Found [1-9]\d* exact clones/);
    } finally {
      await fs.rm(visible, { force: true });
    }
  });
});
