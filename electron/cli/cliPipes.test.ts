import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTestArticle } from '../services/testing/testCorpus';
import { CLI_VERSION, runCli } from './cli';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs hashiye in-process; `stdin` is what `-` reads; stdout is kept as bytes turned into text at the end. */
async function hashiye(argv: string[], stdin = '', tty = false): Promise<Run> {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: tty },
    stdin: Readable.from([Buffer.from(stdin, 'utf8')]),
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr };
}

let scratch: string;
let corpus: string;

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-pipes-'));
  corpus = path.join(scratch, 'corpus');
  await writeTestArticle(corpus, {
    id: 'news/001.txt',
    bytes: 'سرلشکر باقری به دمشق رفت .\nرئیس ستاد کل نیروهای مسلح گفت .\n',
    status: 'done',
    annotations: [{ type: 'PER', part: 'سرلشکر باقری' }, { type: 'LOC', part: 'دمشق' }, { type: 'ORG', part: 'ستاد کل نیروهای مسلح' }],
  });
  await writeTestArticle(corpus, { id: 'news/002.txt', bytes: 'Ali went to Tehran .\n', status: 'done', annotations: [{ type: 'PER', part: 'Ali' }, { type: 'LOC', part: 'Tehran' }] });
});

afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** Every annotation of a corpus as `article type «text»`, sorted, read from its NAME.ann.json files. */
async function annotationsOf(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.ann.json')) {
        const file = JSON.parse(await fs.readFile(full, 'utf8')) as { annotations: { type: string; text: string }[] };
        for (const annotation of file.annotations) found.push(`${annotation.type} «${annotation.text}»`);
      }
    }
  };
  await walk(root);
  return found.sort();
}

describe('hashiye with - for standard input and output', () => {
  it('export … -o - piped into import - … gives the same annotations back (conll and jsonl)', async () => {
    for (const format of ['conll', 'jsonl']) {
      const exported = await hashiye(['export', corpus, '-f', format, '-o', '-']);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).toContain('Exported 2 article(s)');
      const target = path.join(scratch, `back-${format}`);
      const imported = await hashiye(['import', '-', '-f', format, '-o', target], exported.stdout);
      expect(imported.code, imported.stdout + imported.stderr).toBe(0);
      expect(await annotationsOf(target)).toEqual(await annotationsOf(corpus));
    }
    // Nothing named "-" was created anywhere.
    await expect(fs.stat(path.join(process.cwd(), '-'))).rejects.toThrow();
  });

  it('writes csv to standard output and refuses - for a format of several files', async () => {
    const csv = await hashiye(['export', corpus, '--format=csv', '--out', '-']);
    expect(csv.stdout.startsWith('article,id,type,start,end,text,note,entity,wikidata,entity_name\r\n')).toBe(true);
    const brat = await hashiye(['export', corpus, '-f', 'brat', '-o', '-']);
    expect(brat.code).toBe(2);
    expect(brat.stderr).toContain('-o - writes one file to standard output: conll, jsonl, csv only');
  });

  it('refuses an option given twice, in every command, and takes short flags', async () => {
    for (const argv of [
      ['import', 'x.conll', '--from', 'conll', '--from', 'jsonl', '-o', 'y'],
      ['export', corpus, '-f', 'conll', '--format', 'csv', '-o', 'z'],
      ['validate', corpus, '--json', '--json'],
    ]) {
      const run = await hashiye(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain('is given twice.');
    }
    expect(JSON.parse((await hashiye(['validate', corpus, '-j'])).stdout)).toMatchObject({ ok: true });
    expect((await hashiye(['export', corpus, '-f', 'conll', '-o'])).stderr).toContain('--out needs a value.');
  });

  it('uses one table of exit codes: 1 for an import with skips, 3 for a source that is not there', async () => {
    const skipped = await hashiye(['import', '-', '-f', 'conll', '-o', path.join(scratch, 'skips')], 'a B-PER\nlonely\n');
    expect(skipped.code).toBe(1);
    expect((await hashiye(['import', path.join(scratch, 'nowhere.conll'), '-f', 'conll', '-o', path.join(scratch, 'n')])).code).toBe(3);
    expect((await hashiye(['validate', path.join(scratch, 'nowhere')])).code).toBe(3);
  });

  it('shows progress on stderr only on a terminal, and the version of package.json', async () => {
    const quiet = await hashiye(['export', corpus, '-f', 'csv', '-o', path.join(scratch, 'q')]);
    expect(quiet.stderr).toBe('');
    const shown = await hashiye(['export', corpus, '-f', 'csv', '-o', path.join(scratch, 't')], '', true);
    expect(shown.stderr).toMatch(/hashiye export: \d+\/2 articles/);
    const imported = await hashiye(['import', '-', '-f', 'conll', '-o', path.join(scratch, 'i')], 'a B-PER\n', true);
    expect(imported.stderr).toMatch(/hashiye import: \d+\/1 files/);
    const manifest = JSON.parse(await fs.readFile(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(CLI_VERSION).toBe(manifest.version);
    expect((await hashiye(['--version'])).stdout).toBe(`hashiye ${manifest.version}\n`);
  });
});
