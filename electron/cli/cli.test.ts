import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportCorpusResult, ExportManifest, ExportReport } from '../services/transfer/exportReport';
import { runHashiye as hashiye } from './testing/cliTestRun';
import type { CorpusStats } from '../services/lead/corpusStats';
import { writeTestArticle } from '../services/testing/testCorpus';
import type { ValidationResult } from './validateCorpus';

const projectRoot = path.resolve(__dirname, '../..');
const builtCli = path.join(projectRoot, 'out/main/cli.js');
const builtWorker = path.join(projectRoot, 'out/main/exportWorker.js');


const ARTICLE_ONE = '😀 سرلشکر باقری به دمشق رفت.\nرئیس ستاد کل نیروهای مسلح گفت: همه کشورهای\u00A0جهان می‌خواهند.\n';
const ARTICLE_TWO = 'خبرگزاری ایرنا در تهران گزارش داد؟ بله!';

let scratch: string;
let corpus: string;

async function readFolder(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (current: string): Promise<void> => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result[path.relative(folder, full).split(path.sep).join('/')] = await fs.readFile(full, 'utf8');
    }
  };
  await walk(folder);
  return result;
}

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cli-'));
  corpus = path.join(scratch, 'corpus');
  await writeTestArticle(corpus, {
    id: 'news/001.txt',
    bytes: ARTICLE_ONE,
    status: 'done',
    annotations: [
      { type: 'PER', part: 'سرلشکر باقری', note: 'chief of staff' },
      { type: 'LOC', part: 'دمشق' },
      { type: 'ORG', part: 'ستاد کل نیروهای مسلح' },
      { type: 'LOC', part: 'کشورهای\u00A0جهان' },
    ],
  });
  // BOM and CRLF: the document text drops the BOM and turns CRLF into LF.
  await writeTestArticle(corpus, {
    id: 'news/002.txt',
    bytes: `\uFEFF${ARTICLE_TWO.replace(' در ', '\r\nدر ')}`,
    text: ARTICLE_TWO.replace(' در ', '\nدر '),
    status: 'in-progress',
    annotations: [
      { type: 'ORG', part: 'خبرگزاری ایرنا' },
      { type: 'LOC', part: 'تهران' },
    ],
  });
  await writeTestArticle(corpus, { id: 'unannotated.txt', bytes: 'متنی بدون برچسب.' });
});

afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

describe('hashiye', () => {
  it('lists its commands, and refuses an unknown one with exit code 2', async () => {
    const help = await hashiye('--help');
    expect(help.code).toBe(0);
    for (const command of ['export', 'import', 'validate', 'stats']) expect(help.stdout).toContain(`  ${command}`);
    const unknown = await hashiye('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect((await hashiye()).code).toBe(2);
  });

  it('prints --help for each command', async () => {
    for (const command of ['export', 'validate', 'stats']) {
      const run = await hashiye(command, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: hashiye ${command} CORPUS`);
    }
  });
});

describe('hashiye export', () => {
  it('writes CoNLL, the report and a manifest with SHA-256, byte-identical on a second run', async () => {
    const out = path.join(scratch, 'out');
    const run = await hashiye('export', corpus, '--format', 'conll', '--out', out);
    expect(run.stderr).not.toContain('hashiye export:'); // progress only on a terminal (cliPipes.test.ts)
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exported 3 article(s), 6 of 6 annotation(s) written, 0 lost');
    const files = await readFolder(out);
    expect(Object.keys(files).sort()).toEqual(['corpus.conll', 'export-report.json', 'manifest.json']);
    const conll = files['corpus.conll'];
    expect(conll.split('-DOCSTART-\tO\n\n')).toHaveLength(4);
    expect(conll).toContain('سرلشکر\tB-PER\nباقری\tI-PER\n');
    expect(conll).toContain('کشورهای\tB-LOC\nجهان\tI-LOC\nمی‌خواهند\tO\n');
    expect(conll).toContain('خبرگزاری\tB-ORG\nایرنا\tI-ORG\n\nدر\tO\nتهران\tB-LOC\n');
    const manifest = JSON.parse(files['manifest.json']) as ExportManifest;
    const main = manifest.files.find((file) => file.path === 'corpus.conll');
    expect(main).toMatchObject({ role: 'main', articles: 3, annotations: 6, bytes: Buffer.byteLength(conll) });
    expect(main?.sha256).toBe(createHash('sha256').update(conll).digest('hex'));
    const report = JSON.parse(files['export-report.json']) as ExportReport;
    expect(report.totals).toMatchObject({ articles: 3, annotations: 6, written: 6, lost: 0 });
    expect(report.documents.map((document) => document.article)).toEqual(['news/001.txt']);

    const again = path.join(scratch, 'again');
    expect((await hashiye('export', corpus, '--format', 'conll', '--out', again)).code).toBe(0);
    expect(await readFolder(again)).toEqual(files);
  });

  it('refuses to lose labels (exit 1, nothing written) unless --allow-lossy, and lists them', async () => {
    await writeTestArticle(corpus, {
      id: 'news/003.txt',
      bytes: 'سرلشکر باقری گفت.',
      annotations: [
        { type: 'PER', part: 'سرلشکر باقری' },
        { type: 'PER', part: 'باقری' },
      ],
    });
    const out = path.join(scratch, 'out');
    const refused = await hashiye('export', corpus, '--format', 'conll', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('news/003.txt: [lost] «باقری» (PER) overlaps «سرلشکر باقری» (PER); CoNLL gives each token one tag');
    expect(refused.stdout).not.toMatch(/\bT[12]\b/); // spans named by text and type, never by id (#19)
    expect(refused.stdout).toContain('Nothing written: 1 label(s) would be lost');
    expect(existsSync(out)).toBe(false);

    const allowed = await hashiye('export', corpus, '--format', 'conll', '--out', out, '--allow-lossy', '--json');
    expect(allowed.code).toBe(0);
    const result = JSON.parse(allowed.stdout) as ExportCorpusResult;
    expect(result.written).toBe(true);
    expect(result.report.lossy).toBe(true);
    const report = JSON.parse(await fs.readFile(path.join(out, 'export-report.json'), 'utf8')) as ExportReport;
    expect(report.documents.find((document) => document.article === 'news/003.txt')?.problems[0]).toMatchObject({ kind: 'overlap', effect: 'lost', annotation: 'T2' });
    // The same corpus exported to brat keeps both spans: nothing is lost there.
    expect((await hashiye('export', corpus, '--format', 'brat', '--out', path.join(scratch, 'brat'))).code).toBe(0);
  });

  it('reports an unreadable annotation file and a span whose text does not match', async () => {
    await fs.writeFile(path.join(corpus, 'unannotated.ann.json'), '{ not json');
    const annotationPath = path.join(corpus, 'news/002.ann.json');
    const file = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: { text: string }[] };
    file.annotations[1].text = 'تهرانی';
    await fs.writeFile(annotationPath, JSON.stringify(file));
    const run = await hashiye('export', corpus, '--format', 'jsonl', '--out', path.join(scratch, 'out'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('unannotated.txt: [unreadable] The annotation file is not valid: Not valid JSON');
    expect(run.stdout).toContain('news/002.txt: [lost] «تهرانی» (LOC) does not match the article, which has «تهران»');
  });

  it('writes a one-file format to the file named by --out, in UTF-16 units for doccano', async () => {
    const target = path.join(scratch, 'exports', 'doccano.jsonl');
    const run = await hashiye('export', corpus, '--format', 'jsonl', '--out', target, '--variant', 'entities');
    expect(run.code).toBe(0);
    const lines = (await fs.readFile(target, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string; entities: { start_offset: number; end_offset: number }[] });
    expect(lines[0].id).toBe('news/001.txt');
    // 😀 is two UTF-16 units: «سرلشکر» starts at unit 3.
    expect(lines[0].entities[0]).toMatchObject({ start_offset: 3, end_offset: 15 });
    expect(existsSync(path.join(scratch, 'exports', 'manifest.json'))).toBe(true);
  });

  it('splits by article with a seed, the same way each time', async () => {
    for (let index = 4; index <= 12; index++) await writeTestArticle(corpus, { id: `more/${index}.txt`, bytes: `خبر شماره ${index}.`, annotations: [{ type: 'MISC', part: 'خبر' }] });
    const first = await hashiye('export', corpus, '--format', 'hf', '--out', path.join(scratch, 'a'), '--split', '80/10/10', '--seed', '7', '--json');
    const second = await hashiye('export', corpus, '--format', 'hf', '--out', path.join(scratch, 'b'), '--split', '80/10/10', '--seed', '7', '--json');
    expect(first.code).toBe(0);
    const split = (JSON.parse(first.stdout) as ExportCorpusResult).manifest.split;
    expect(split).toEqual((JSON.parse(second.stdout) as ExportCorpusResult).manifest.split);
    expect(split?.train).toHaveLength(10);
    expect(split?.dev).toHaveLength(1);
    expect(split?.test).toHaveLength(1);
    const files = await readFolder(path.join(scratch, 'a'));
    expect(Object.keys(files).sort()).toEqual(['dev/data.jsonl', 'dev/labels.json', 'export-report.json', 'manifest.json', 'test/data.jsonl', 'test/labels.json', 'train/data.jsonl', 'train/labels.json']);
  });

  it('exports only articles with the given statuses', async () => {
    const run = await hashiye('export', corpus, '--format', 'csv', '--out', path.join(scratch, 'out'), '--status', 'done');
    expect(run.code).toBe(0);
    const csv = await fs.readFile(path.join(scratch, 'out', 'annotations.csv'), 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv).not.toContain('news/002.txt');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes the CSV with a byte-order mark for Excel with --excel, and only for csv', async () => {
    const run = await hashiye('export', corpus, '--format', 'csv', '--out', path.join(scratch, 'excel'), '--excel');
    expect(run.code).toBe(0);
    const bytes = await fs.readFile(path.join(scratch, 'excel', 'annotations.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^article,id,type/);
    expect((await hashiye('export', corpus, '--format', 'conll', '--out', path.join(scratch, 'x'), '--excel')).stderr).toContain('--excel is for --format csv.');
  });

  it('gives clear errors and exit codes for bad arguments and unreadable input', async () => {
    const badFormat = await hashiye('export', corpus, '--format', 'xml', '--out', path.join(scratch, 'out'));
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of brat, conll, jsonl, labelstudio, w3c, csv, hf (got "xml")');
    expect((await hashiye('export', corpus, '--format', 'conll')).stderr).toContain('--out PATH is required.');
    expect((await hashiye('export', corpus, '--format', 'csv', '--out', 'x', '--scheme', 'iob1')).code).toBe(2);
    expect((await hashiye('export', corpus, '--format', 'conll', '--out', 'x', '--split', '80/20')).stderr).toContain('--split must be three shares');
    expect((await hashiye('export', corpus, '--format', 'conll', '--out', 'x', '--bogus')).stderr).toContain('Unknown option --bogus.');
    // (#25) An absurd worker count is refused, in English and Persian, before any worker starts.
    const tooMany = await hashiye('export', corpus, '--format', 'conll', '--out', path.join(scratch, 'many'), '--workers', '100000');
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--workers must be a whole number from 0 to');
    expect(tooMany.stderr).toContain('دادهٔ «۱۰۰۰۰۰»');
    await expect(fs.stat(path.join(scratch, 'many'))).rejects.toThrow();
    const missing = await hashiye('export', path.join(scratch, 'nowhere'), '--format', 'conll', '--out', path.join(scratch, 'out'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('Cannot read the corpus folder');
    const intoCorpus = await hashiye('export', corpus, '--format', 'brat', '--out', path.join(corpus, 'brat'));
    expect(intoCorpus.code).toBe(2);
    expect(intoCorpus.stderr).toContain('outside the corpus');
  });
});

describe('hashiye validate', () => {
  it('passes a valid corpus with exit code 0', async () => {
    const run = await hashiye('validate', corpus);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Valid: 3 article(s), 2 annotation file(s), 0 brat .ann file(s), 6 annotation(s), 0 problem(s).');
  });

  it('lists every problem and exits 1', async () => {
    await fs.writeFile(path.join(corpus, 'unannotated.ann.json'), '{ not json');
    await fs.writeFile(path.join(corpus, 'stray.ann.json'), '{}');
    const annotationPath = path.join(corpus, 'news/001.ann.json');
    const file = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: { id: string; text: string; end: number }[]; relations: unknown[] };
    file.annotations[1].text = 'دمشقی';
    file.annotations[2].end = 9999;
    file.annotations[3].id = 'T1';
    file.relations = [{ id: 'R1', type: 'Rel', from: 'T1', to: 'T77' }, { id: 'R1', type: 'Rel', from: 'T1', to: 'T1' }];
    await fs.writeFile(annotationPath, JSON.stringify(file));
    const run = await hashiye('validate', corpus, '--json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as ValidationResult;
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => `${problem.file}:${problem.kind}`).sort()).toEqual([
      'news/001.ann.json:duplicate-id',
      'news/001.ann.json:duplicate-id',
      'news/001.ann.json:offsets',
      'news/001.ann.json:relation',
      'news/001.ann.json:text',
      'stray.ann.json:orphan-file',
      'unannotated.ann.json:syntax',
    ]);
    const human = await hashiye('validate', corpus);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('news/001.ann.json [T2]: Annotation T2 (LOC) says «دمشقی» but the article has «دمشق»');
    expect(human.stdout).toContain('Not valid: ');
    expect(human.stdout).toContain('The relation id R1 is used twice');
  });

  it('exits 3 for a corpus that cannot be read', async () => {
    const run = await hashiye('validate', path.join(scratch, 'nowhere'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot read the corpus folder');
  });
});

describe('hashiye stats', () => {
  it('counts articles by status and annotations by type and article', async () => {
    const run = await hashiye('stats', corpus, '--json');
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout) as CorpusStats;
    expect(stats.articles).toBe(3);
    expect(stats.byStatus).toMatchObject({ done: 1, 'in-progress': 1, new: 1 });
    expect(stats.annotations).toBe(6);
    expect(stats.byType).toEqual({ LOC: 3, ORG: 2, PER: 1 });
    expect(Object.keys(stats.byType)).toEqual(['LOC', 'ORG', 'PER']);
    expect(stats.perArticle.find((entry) => entry.article === 'news/002.txt')).toEqual({ article: 'news/002.txt', status: 'in-progress', annotations: 2, byType: { LOC: 1, ORG: 1 } });
    const human = await hashiye('stats', corpus, '--per-article');
    expect(human.stdout).toContain('Annotations: 6');
    expect(human.stdout).toMatch(/news\/001\.txt {2}done {2}4 {2}\(LOC 2, ORG 1, PER 1\)/);
  });
});

describe.skipIf(!existsSync(builtCli))(`the built CLI as a child process (skipped: ${builtCli} is missing until "npm run build")`, () => {
  it('runs node bin/hashiye.js export and validate', async () => {
    const run = promisify(execFile);
    const out = path.join(scratch, 'out');
    const exported = await run(process.execPath, [path.join(projectRoot, 'bin/hashiye.js'), 'export', corpus, '--format', 'conll', '--out', out, '--json']);
    expect((JSON.parse(exported.stdout) as ExportCorpusResult).written).toBe(true);
    expect(existsSync(path.join(out, 'corpus.conll'))).toBe(true);
    await fs.writeFile(path.join(corpus, 'unannotated.ann.json'), '{ not json');
    const failed = await run(process.execPath, [path.join(projectRoot, 'bin/hashiye.js'), 'validate', corpus]).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    expect(failed).toBe(1);
  });
});

describe.skipIf(!existsSync(builtWorker))(`export on worker threads (skipped: ${builtWorker} is missing until "npm run build")`, () => {
  it('gives the same bytes on worker threads as on one thread', async () => {
    for (let index = 4; index <= 250; index++) await writeTestArticle(corpus, { id: `more/${index}.txt`, bytes: `👍 خبر ${index} از تهران.`, annotations: [{ type: 'LOC', part: 'تهران' }] });
    const run = promisify(execFile);
    const exportWith = async (workers: number): Promise<ExportCorpusResult> => {
      const out = path.join(scratch, `workers-${workers}`);
      const { stdout } = await run(process.execPath, [path.join(projectRoot, 'bin/hashiye.js'), 'export', corpus, '--format', 'conll', '--out', out, '--workers', String(workers), '--json'], { maxBuffer: 64 * 1024 * 1024 });
      return JSON.parse(stdout) as ExportCorpusResult;
    };
    const threaded = await exportWith(2);
    const single = await exportWith(0);
    expect(threaded.workersUsed).toBe(2);
    expect(single.workersUsed).toBe(0);
    expect(threaded.manifest).toEqual(single.manifest);
    expect(await readFolder(path.join(scratch, 'workers-2'))).toEqual(await readFolder(path.join(scratch, 'workers-0')));
  });

  it('ends the worker it started before listing when the corpus turns out too small for one, and exits (#25)', async () => {
    const run = promisify(execFile);
    const out = path.join(scratch, 'small-default');
    // The default count on any machine with two cores or more starts one before the listing; four articles use none.
    const { stdout } = await run(process.execPath, [path.join(projectRoot, 'bin/hashiye.js'), 'export', corpus, '--format', 'conll', '--out', out, '--json'], { timeout: 60_000 });
    const result = JSON.parse(stdout) as ExportCorpusResult;
    expect(result.workersUsed).toBe(0);
    expect(result.written).toBe(true);
    // The same with workers asked for: the early ones are the ones used, their answers the same bytes.
    const asked = path.join(scratch, 'small-asked');
    const threaded = JSON.parse((await run(process.execPath, [path.join(projectRoot, 'bin/hashiye.js'), 'export', corpus, '--format', 'conll', '--out', asked, '--workers', '1', '--json'], { timeout: 60_000 })).stdout) as ExportCorpusResult;
    expect(threaded.workersUsed).toBe(1);
    expect(await readFolder(asked)).toEqual(await readFolder(out));
  });

  it('moves no buffer between threads, so no thread loses V8\'s no-detach guarantee for its typed-array code (#25)', async () => {
    for (let index = 4; index <= 250; index++) await writeTestArticle(corpus, { id: `more/${index}.txt`, bytes: `👍 خبر ${index} از تهران.`, annotations: [{ type: 'LOC', part: 'تهران' }] });
    const run = promisify(execFile);
    const argv = ['--trace-protector-invalidation', path.join(projectRoot, 'bin/hashiye.js'), 'export', corpus, '--format', 'conll', '--out', path.join(scratch, 'traced'), '--workers', '1', '--json'];
    const { stdout } = await run(process.execPath, argv, { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
    expect(stdout).toContain('"workersUsed": 1');
    // A transferred ArrayBuffer is detached, which invalidates this protector in the isolate that sent it.
    expect(stdout).not.toContain('ArrayBufferDetaching');
  });

  it('ends the workers started before the export loaded when the export fails or is refused, and exits (#25)', async () => {
    const run = promisify(execFile);
    const exitCode = (argv: string[]): Promise<number> =>
      run(process.execPath, [path.join(projectRoot, 'bin/hashiye.js'), 'export', ...argv], { timeout: 60_000 }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
    // Started from the arguments before the export's code loaded, then refused (no --format), then a corpus that is not there.
    expect(await exitCode([corpus, '--workers', '2', '--out', path.join(scratch, 'refused')])).toBe(2);
    expect(await exitCode([path.join(scratch, 'no-such-corpus'), '--format', 'conll', '--workers', '2', '--out', path.join(scratch, 'none')])).toBe(3);
  });

  it('gives the same bytes in every format when the calling thread takes batches beside a worker (#25)', async () => {
    // Varied articles: CRLF, a byte-order mark, characters beyond the BMP, nested and overlapping spans.
    for (let index = 0; index < 150; index++) {
      const text = `${index % 3 === 0 ? '𝒜 ' : ''}وزیر امور خارجه ایران ${index} به دمشق رفت.\nسازمان ملل متحد 👍🏽 در نیویورک است.\n`;
      const bytes = index % 4 === 1 ? Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8') : index % 4 === 2 ? Buffer.from(`\uFEFF${text}`, 'utf8') : Buffer.from(text, 'utf8');
      const annotations = [{ type: 'LOC', part: 'ایران' }, { type: 'ORG', part: 'امور خارجه ایران' }, { type: 'ORG', part: 'سازمان ملل متحد' }, { type: 'LOC', part: 'ملل متحد 👍🏽 در' }, { type: 'LOC', part: 'نیویورک' }];
      await writeTestArticle(corpus, { id: `varied/${String(index).padStart(3, '0')}.txt`, bytes, text, status: index % 2 === 0 ? 'done' : 'in-progress', annotations });
    }
    const run = promisify(execFile);
    for (const format of ['conll', 'jsonl', 'brat', 'w3c', 'csv', 'labelstudio', 'hf']) {
      const outs = [1, 0].map((workers) => path.join(scratch, `${format}-${workers}`));
      const results = await Promise.all(
        [1, 0].map(async (workers, index) => {
          const { stdout } = await run(process.execPath, [path.join(projectRoot, 'bin/hashiye.js'), 'export', corpus, '--format', format, '--out', outs[index], '--workers', String(workers), '--allow-lossy', '--json'], { maxBuffer: 64 * 1024 * 1024 });
          return JSON.parse(stdout) as ExportCorpusResult;
        }),
      );
      expect(results.map((result) => result.workersUsed), format).toEqual([1, 0]);
      expect(results[0].report, format).toEqual(results[1].report);
      expect(await readFolder(outs[0]), format).toEqual(await readFolder(outs[1]));
    }
    // Fourteen processes: slow on a shared machine, not a figure.
  }, 300_000);
});
