import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_EXIT, runImportCommand } from './importCommand';

const temporaryFolders: string[] = [];
async function newFolder(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-import-cli-'));
  temporaryFolders.push(folder);
  return folder;
}
afterEach(async () => {
  for (const folder of temporaryFolders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});

function captureIo() {
  const output = { stdout: '', stderr: '' };
  return {
    output,
    io: {
      stdout: { write: (chunk: string) => (output.stdout += chunk) },
      stderr: { write: (chunk: string) => (output.stderr += chunk) },
    },
  };
}

describe('hashiye import', () => {
  it('prints help', async () => {
    const { output, io } = captureIo();
    expect(await runImportCommand(['--help'], io)).toBe(IMPORT_EXIT.ok);
    expect(output.stdout).toContain('hashiye import PATH --from FORMAT --out CORPUS');
  });

  it('refuses wrong arguments with exit 2 and a reason', async () => {
    for (const argv of [[], ['a.conll', '--out', 'x'], ['a.conll', '--from', 'xml', '--out', 'x'], ['a.conll', '--from', 'conll'], ['a', '--from', 'conll', '--out', 'x', '--scheme', 'bilou'], ['a', '--from', 'conll', '--out', 'x', '--sentences-per-article', '0'], ['a', '--frm', 'conll']]) {
      const { output, io } = captureIo();
      expect(await runImportCommand(argv, io), argv.join(' ')).toBe(IMPORT_EXIT.usage);
      expect(output.stderr).toMatch(/^hashiye import: /);
    }
  });

  it('imports, prints a summary, and exits 3 listing what it skipped with file and line', async () => {
    const root = await newFolder();
    const source = path.join(root, 'news.conll');
    await fs.writeFile(source, 'علی B-PER\nبی‌تگ\nرفت O\n');
    const out = path.join(root, 'corpus');
    const { output, io } = captureIo();
    expect(await runImportCommand([source, '--from', 'conll', `--out=${out}`], io)).toBe(IMPORT_EXIT.partial);
    expect(output.stdout).toContain('Imported 1 article(s) with 1 annotation(s)');
    expect(output.stdout).toContain(`${source}:2: no tag`);
    expect(output.stdout).toContain('separator space, scheme IOB2');
  });

  it('prints JSON for scripts and exits 0 on a clean import; exits 1 when the target is not empty', async () => {
    const root = await newFolder();
    const source = path.join(root, 'a.jsonl');
    await fs.writeFile(source, `${JSON.stringify({ text: '😀 علی', label: [[3, 6, 'PER']] })}\n`);
    const out = path.join(root, 'corpus');
    const first = captureIo();
    expect(await runImportCommand([source, '--from', 'jsonl', '--out', out, '--json'], first.io)).toBe(IMPORT_EXIT.ok);
    expect(JSON.parse(first.output.stdout)).toMatchObject({ articles: 1, annotations: 1, skipped: [], cancelled: false });
    const second = captureIo();
    expect(await runImportCommand([source, '--from', 'jsonl', '--out', out, '--json'], second.io)).toBe(IMPORT_EXIT.failed);
    expect(JSON.parse(second.output.stdout).error).toContain('not empty');
  });
});
