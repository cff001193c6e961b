import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserProblemSchema } from '../../../shared/userProblem';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { SaveFailedError } from '../storage/annotationStore';
import { CorpusSession } from '../corpus/corpusSession';
import { importCorpus } from '../transfer/importCorpus';
import { loadTagSet } from '../tagset/tagSetLoader';
import { TransferBusyError } from '../transfer/transferJobs';
import { problemOfError, withUserProblem } from './userProblems';

/** Services say what went wrong as codes (shared/userProblem.ts UserProblem), on real files in temporary folders. */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const TEXT = 'امروز در تهران و سپس در مشهد جلسه برگزار شد.\n';
const ID = 'خبر.txt';

function span(needle: string, id: string): StoredAnnotation {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
  return { id, type: 'LOC', start, end: start + Array.from(needle).length, text: needle };
}

async function tempFolder(prefix: string): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rm(folder, { recursive: true, force: true }));
  return folder;
}

async function corpusWith(file: Record<string, unknown> | null): Promise<{ root: string; annotationPath: string; session: CorpusSession }> {
  const root = await tempFolder('hashiye-problems-');
  await fs.writeFile(path.join(root, ID), TEXT);
  const annotationPath = path.join(root, 'خبر.ann.json');
  if (file !== null) {
    const source = { file: ID, sha256: 'a'.repeat(64), encoding: 'utf-8', length: Array.from(TEXT).length };
    await fs.writeFile(annotationPath, JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source, status: 'in-progress', annotations: [], relations: [], labels: [], ...file }));
  }
  const session = new CorpusSession();
  cleanups.unshift(() => session.close());
  await session.open(root);
  return { root, annotationPath, session };
}

describe('coded problems from the services', () => {
  it('a hashiye.json linked out of the corpus, broken, or with an invalid field', async () => {
    const outside = await tempFolder('hashiye-outside-');
    await fs.writeFile(path.join(outside, 'hashiye.json'), JSON.stringify({ types: [{ id: 'CANARY' }] }));
    const linked = await tempFolder('hashiye-linked-');
    await fs.symlink(path.join(outside, 'hashiye.json'), path.join(linked, 'hashiye.json'));
    expect((await loadTagSet(linked)).userProblems).toEqual([{ code: 'outsideCorpus', file: 'hashiye.json' }]);
    const session = new CorpusSession();
    cleanups.unshift(() => session.close());
    await session.open(linked);
    const refused = await session.saveTagSet([{ id: 'PER', label: { fa: 'شخص', en: 'Person' }, color: '#3366cc' }], { renames: [], removals: [] }).catch(problemOfError);
    expect(refused).toEqual({ code: 'tagSetNotReplaced', file: 'hashiye.json', refusal: 'outside-corpus' });

    const broken = await tempFolder('hashiye-broken-');
    await fs.writeFile(path.join(broken, 'hashiye.json'), '{ not json');
    expect((await loadTagSet(broken)).userProblems).toEqual([{ code: 'tagSetNotJson', file: 'hashiye.json' }]);

    const invalid = await tempFolder('hashiye-invalid-');
    await fs.writeFile(path.join(invalid, 'hashiye.json'), JSON.stringify({ types: [{ id: 'has space' }] }));
    expect((await loadTagSet(invalid)).userProblems).toEqual([{ code: 'tagSetInvalid', file: 'hashiye.json', field: 'types.0.id' }]);

    expect((await loadTagSet(await tempFolder('hashiye-none-'))).userProblems).toEqual([]);
  });

  it('duplicate ids and relations to missing ids, on load and on save', async () => {
    const { session } = await corpusWith({
      annotations: [span('تهران', 'dup'), span('مشهد', 'dup')],
      relations: [{ id: 'R1', type: 'near', from: 'dup', to: 'T9' }],
    });
    const document = await session.loadArticle(ID);
    expect(document.problem?.kind).toBe('invariant');
    expect(document.problem?.userProblems).toEqual([
      { code: 'duplicateIds', of: 'annotation', ids: ['dup'], more: 0 },
      { code: 'relationsToMissing', relations: ['R1'], more: 0 },
    ]);

    const clean = await corpusWith(null);
    const loaded = await clean.session.loadArticle(ID);
    const saved = await clean.session.saveAnnotations(ID, loaded.sha256, { status: 'in-progress', annotations: [span('تهران', 'x'), span('مشهد', 'x')], relations: [], labels: [] });
    expect(saved).toMatchObject({ ok: false, userProblem: { code: 'duplicateIds', of: 'annotation', ids: ['x'], more: 0 } });
  });

  it('a read-only annotation file: read-only on load, and a save made after it became read-only says why', async () => {
    const { annotationPath, session } = await corpusWith({ annotations: [span('تهران', 'T1')] });
    const editable = await session.loadArticle(ID);
    expect(editable.problem).toBeNull();
    await fs.chmod(annotationPath, 0o444);
    cleanups.unshift(() => fs.chmod(annotationPath, 0o644));
    const saved = await session.saveAnnotations(ID, editable.sha256, { status: 'in-progress', annotations: [span('تهران', 'T1'), span('مشهد', 'T2')], relations: [], labels: [] });
    expect(saved).toMatchObject({ ok: false, readOnly: true, userProblem: { code: 'readOnly', file: 'خبر.ann.json', reason: 'file-mode' } });

    const reopened = await session.loadArticle(ID);
    expect(reopened.problem).toMatchObject({ kind: 'permission', userProblems: [{ code: 'readOnly', file: 'خبر.ann.json', reason: 'file-mode' }] });
  });

  it('a save onto an article changed on disk, and one of more entries than an article holds', async () => {
    const { root, session } = await corpusWith(null);
    const loaded = await session.loadArticle(ID);
    await fs.writeFile(path.join(root, ID), `${TEXT}و بیشتر.\n`);
    const saved = await session.saveAnnotations(ID, 'b'.repeat(64), { status: 'in-progress', annotations: [], relations: [], labels: [] });
    expect(saved).toMatchObject({ ok: false, userProblem: { code: 'articleChangedOnDisk' } });
    expect(loaded.problem).toBeNull();
  });

  it('opening something that is not a corpus folder', async () => {
    const session = new CorpusSession();
    cleanups.unshift(() => session.close());
    const folder = await tempFolder('hashiye-open-');
    await fs.writeFile(path.join(folder, 'a.txt'), TEXT);
    await expect(session.open(path.join(folder, 'a.txt')).catch(problemOfError)).resolves.toEqual({ code: 'notAFolder', path: path.join(folder, 'a.txt') });
    await expect(session.open(path.join(folder, 'gone')).catch(problemOfError)).resolves.toEqual({ code: 'folderMissing', path: path.join(folder, 'gone') });
    await expect(session.loadArticle('a.txt').catch(problemOfError)).resolves.toEqual({ code: 'noCorpus' });
  });

  it('an import into a folder that is not empty, or from nothing', async () => {
    const source = await tempFolder('hashiye-import-source-');
    await fs.writeFile(path.join(source, 'a.conll'), 'تهران B-LOC\n');
    const target = await tempFolder('hashiye-import-target-');
    await fs.writeFile(path.join(target, 'keep.txt'), 'x');
    await expect(importCorpus(path.join(source, 'a.conll'), { from: 'conll', out: target }).catch(problemOfError)).resolves.toEqual({ code: 'importTargetNotEmpty', path: target, entries: 1 });
    await expect(importCorpus(path.join(source, 'none.conll'), { from: 'conll', out: path.join(target, 'new') }).catch(problemOfError)).resolves.toEqual({
      code: 'importSourceMissing',
      path: path.join(source, 'none.conll'),
    });
  });

  it('errno codes from the disk, through the causes a save failure wraps them in', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/corpus/خبر.ann.json.tmp' });
    expect(problemOfError(new SaveFailedError('Could not save خبر.ann.json', { cause: full }))).toEqual({ code: 'diskFull', file: 'خبر.ann.json.tmp' });
    expect(problemOfError(Object.assign(new Error('EROFS'), { code: 'EROFS', path: '/mnt/a.ann.json' }))).toEqual({ code: 'readOnly', file: 'a.ann.json', reason: 'read-only-file-system' });
    expect(problemOfError(Object.assign(new Error('EIO'), { code: 'EIO', path: '/mnt/a.ann.json' }))).toEqual({ code: 'writeFailed', file: 'a.ann.json', errno: 'EIO' });
    expect(problemOfError(new TransferBusyError('export'))).toEqual({ code: 'transferBusy', job: 'export' });
    expect(problemOfError(withUserProblem(new Error('x'), { code: 'noCorpus' }))).toEqual({ code: 'noCorpus' });
    // A code that is not one of the catalogue's is not trusted: the English words go to the tooltip.
    expect(problemOfError(Object.assign(new Error('odd'), { userProblem: { code: 'madeUp' } }))).toEqual({ code: 'unexpected', detail: 'odd' });
    expect(problemOfError('a string')).toEqual({ code: 'unexpected', detail: 'a string' });
    for (const problem of [problemOfError(full), problemOfError(new Error('y'))]) expect(UserProblemSchema.safeParse(problem).success).toBe(true);
  });
});
