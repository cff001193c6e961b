import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_EXIT } from './cliIo';
import { runValidateCommand } from './validateCommand';
import { writeTestArticle } from '../services/testing/testCorpus';

async function runOn(tty: boolean, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runValidateCommand(argv, { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: (chunk: string) => (stderr += chunk), isTTY: tty } });
  return { code, stdout, stderr };
}

let corpus: string;
beforeAll(async () => {
  corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-validate-progress-'));
  for (let index = 0; index < 12; index += 1) {
    await writeTestArticle(corpus, { id: `a${index}.txt`, bytes: 'تهران و مشهد', annotations: [{ part: 'تهران', type: 'LOC' }] });
  }
});
afterAll(async () => {
  await fs.rm(corpus, { recursive: true, force: true });
});

describe('hashiye validate progress (#22)', () => {
  it('shows progress on stderr only on a terminal, never with --json, and never on stdout', async () => {
    const terminal = await runOn(true, [corpus]);
    expect(terminal.code).toBe(CLI_EXIT.ok);
    expect(terminal.stderr).toMatch(/^hashiye validate: \d+\/12 annotation files \(\d+%\)$/m);
    expect(terminal.stderr).toContain('hashiye validate: 12/12 annotation files (100%)');
    expect(terminal.stdout).not.toContain('hashiye validate:');
    expect(terminal.stdout).toContain('Valid: 12 article(s)');
    expect((await runOn(false, [corpus])).stderr).toBe('');
    expect((await runOn(true, [corpus, '--json'])).stderr).toBe('');
  });
});
