import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationFile } from '../../shared/model/nativeFormat';
import { startReferenceTagger, type ReferenceTagger } from '../services/testing/referenceTagger';
import { CLI_EXIT } from './cliIo';
import { runCli } from './cli';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['pretag', ...argv], { stdout: { write: (chunk: string | Uint8Array) => (stdout += String(chunk)) }, stderr: { write: (chunk: string) => (stderr += chunk) } });
  return { code, stdout, stderr };
}

let root: string;
let tagger: ReferenceTagger;
beforeAll(async () => {
  tagger = await startReferenceTagger({ تهران: 'LOC' });
});
afterAll(() => tagger.close());
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cli-pretag-'));
  await fs.writeFile(path.join(root, 'a.txt'), 'علی در تهران');
  await fs.writeFile(path.join(root, 'names.tsv'), '\uFEFFعلی\tPER\nbroken line\n');
  tagger.setMode('codepoint');
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

const fileOf = async (as: string) => JSON.parse(await fs.readFile(path.join(root, 'a.annotators', `${as}.ann.json`), 'utf8')) as AnnotationFile;

describe('hashiye pretag', () => {
  it('--help lists both forms and the exit codes', async () => {
    const result = await run('--help');
    expect(result.code).toBe(CLI_EXIT.ok);
    expect(result.stdout).toMatch(/^Usage: hashiye pretag CORPUS --gazetteer FILE \[--as NAME\]/u);
    expect(result.stdout).toContain('130 cancelled');
  });

  it('--gazetteer writes gazetteer.ann.json, lists the skipped line and exits 1', async () => {
    const result = await run(root, '--gazetteer', path.join(root, 'names.tsv'));
    expect(result.code).toBe(CLI_EXIT.problems);
    expect(result.stdout).toContain('Line 2: no type');
    expect(result.stdout).toContain('Wrote 1 suggestion(s) as gazetteer (gazetteer) in 1 article(s).');
    expect((await fileOf('gazetteer')).annotations.map((annotation) => [annotation.type, annotation.text])).toEqual([['PER', 'علی']]);
  });

  it('--registry uses the entity registry as the gazetteer (as gazetteer by default); no entity exits 1, a broken registry 3 (#24)', async () => {
    const empty = await run(root, '--registry');
    expect(empty.code).toBe(CLI_EXIT.problems);
    expect(empty.stderr).toContain('the entity registry (entities.json) has no name to look for');
    await fs.writeFile(path.join(root, 'entities.json'), JSON.stringify({ version: 1, entities: [{ id: 'tehran', type: 'LOC', names: { fa: 'تهران' }, aliases: [] }] }));
    const result = await run(root, '--registry');
    expect(result.code).toBe(CLI_EXIT.ok);
    expect(result.stdout).toContain('Wrote 1 suggestion(s) as gazetteer (gazetteer) in 1 article(s).');
    expect((await fileOf('gazetteer')).annotations.map((annotation) => [annotation.type, annotation.text, annotation.start])).toEqual([['LOC', 'تهران', 7]]);
    expect((await run(root, '--registry', '--gazetteer', path.join(root, 'names.tsv'))).code).toBe(CLI_EXIT.usage);
    await fs.writeFile(path.join(root, 'entities.json'), '{ not json');
    const broken = await run(root, '--registry', '--json');
    expect(broken.code).toBe(CLI_EXIT.unreadable);
    expect(JSON.parse(broken.stdout)).toHaveProperty('error');
  });

  it('--tagger --as NAME --json prints the summary as JSON and exits 0', async () => {
    const result = await run(root, '--tagger', tagger.url, '--as', 'ner model', '--json');
    expect(result.code).toBe(CLI_EXIT.ok);
    const summary = JSON.parse(result.stdout) as { as: string; written: number; source: string };
    expect(summary).toMatchObject({ as: 'ner model', written: 1, source: 'tagger' });
    expect((await fileOf('ner model')).annotations[0]).toMatchObject({ type: 'LOC', text: 'تهران', start: 7, end: 12 });
  });

  it('refuses a remote tagger without --yes, sending nothing (exit 2)', async () => {
    const result = await run(root, '--tagger', 'https://tagger.example.org/ner');
    expect(result.code).toBe(CLI_EXIT.usage);
    expect(result.stderr).toContain('is not on this computer or its local network; articles are sent there only with --yes');
    expect(existsSync(path.join(root, 'a.annotators'))).toBe(false);
  });

  it('exits 2 on wrong arguments and 3 on an unreadable corpus or gazetteer', async () => {
    expect((await run(root)).code).toBe(CLI_EXIT.usage);
    expect((await run(root, '--gazetteer', 'x', '--tagger', tagger.url)).code).toBe(CLI_EXIT.usage);
    expect((await run(root, '--tagger', 'ftp://x')).code).toBe(CLI_EXIT.usage);
    expect((await run(root, '--gazetteer', 'x.tsv', '--as', '../up')).code).toBe(CLI_EXIT.unreadable);
    expect((await run(root, '--gazetteer', path.join(root, 'names.tsv'), '--as', '../up')).code).toBe(CLI_EXIT.usage);
    expect((await run(path.join(root, 'missing'), '--gazetteer', path.join(root, 'names.tsv'))).code).toBe(CLI_EXIT.unreadable);
    const json = await run(root, '--gazetteer', path.join(root, 'none.tsv'), '--json');
    expect(json.code).toBe(CLI_EXIT.unreadable);
    expect(JSON.parse(json.stdout)).toHaveProperty('error');
  });

  it('exits 1 with a clear message when the tagger refuses, and 130 on Ctrl+C with no file written', async () => {
    const refused = await run(root, '--tagger', 'http://127.0.0.1:1/tag');
    expect(refused.code).toBe(CLI_EXIT.problems);
    expect(refused.stderr).toMatch(/refused the connection|cannot be reached/u);
    tagger.setMode('slow');
    const pending = run(root, '--tagger', tagger.url);
    setTimeout(() => process.emit('SIGINT'), 300);
    const cancelled = await pending;
    expect(cancelled.code).toBe(CLI_EXIT.cancelled);
    expect(cancelled.stderr).toContain('cancelled; nothing was written');
    expect(existsSync(path.join(root, 'a.annotators'))).toBe(false);
  });
});
