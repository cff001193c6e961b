import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveResult } from '../../../shared/saveWire';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import type { SessionSaveRequest } from '../corpus/session/articleSaving';
import { ARTICLE_ID, bratCorpusOfOneArticle, corpusOfOneArticle, openSession, spanIn, TestCleanups } from '../testing/sessionFixture';

/**
 * Two writers on one annotation file (two Hashiye instances, or Hashiye and a sync tool or an
 * editor): every save merges with what is on disk; nothing is overwritten silently.
 */

const cleanups = new TestCleanups();
afterEach(() => cleanups.run());

const TEXT = 'سرلشکر باقری امروز در تهران و سپس در مشهد و اصفهان و شیراز و تبریز سخن گفت.\n';
const ID = ARTICLE_ID;

const corpus = () => corpusOfOneArticle(cleanups, 'hashiye-concurrent-', TEXT);
const session = (root: string, watch = false) => openSession(cleanups, root, { watch });
const span = (needle: string, id: string, type = 'LOC'): StoredAnnotation => spanIn(TEXT, needle, id, type);

function request(annotations: StoredAnnotation[], extra: Partial<SessionSaveRequest> = {}): SessionSaveRequest {
  return { status: 'in-progress', annotations, relations: [], labels: [], ...extra };
}

async function onDisk(annotationPath: string): Promise<{ annotations: StoredAnnotation[]; relations: { id: string }[]; status: string }> {
  return JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: StoredAnnotation[]; relations: { id: string }[]; status: string };
}

const ids = (annotations: readonly { id: string }[]) => annotations.map((annotation) => annotation.id).sort();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the window holds after a save: the merged document when main sent one. */
function adopt(result: SaveResult, mine: StoredAnnotation[]): StoredAnnotation[] {
  return result.ok && result.merged ? result.merged.annotations : mine;
}

describe('two instances on one corpus', () => {
  it('merges changes to different annotations, whatever the order and delay', async () => {
    for (const delay of [0, 100, 500]) {
      const { root, annotationPath } = await corpus();
      const a = await session(root);
      const b = await session(root);
      const sha = (await a.session.loadArticle(ID)).sha256;
      await b.session.loadArticle(ID);
      let aHolds = [span('تهران', 'a1')];
      const first = await a.session.saveAnnotations(ID, sha, request(aHolds));
      expect(first).toMatchObject({ ok: true, written: true });
      await sleep(delay);
      // B never saw A's tag: its save merges it in, and tells B to adopt it.
      let bHolds = [span('مشهد', 'b1')];
      const second = await b.session.saveAnnotations(ID, sha, request(bHolds));
      expect(second).toMatchObject({ ok: true, written: true });
      expect(second.ok && second.merged && ids(second.merged.annotations)).toEqual(['a1', 'b1']);
      bHolds = adopt(second, bHolds);
      expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['a1', 'b1']);
      // A, still without B's tag, tags again: B's tag survives too.
      aHolds = [...aHolds, span('اصفهان', 'a2')];
      const third = await a.session.saveAnnotations(ID, sha, request(aHolds));
      expect(third.ok && third.merged && ids(third.merged.annotations)).toEqual(['a1', 'a2', 'b1']);
      aHolds = adopt(third, aHolds);
      // A deletion on one side is a deletion, not resurrected by the other side's stale copy.
      bHolds = bHolds.filter((annotation) => annotation.id !== 'a1');
      const fourth = await b.session.saveAnnotations(ID, sha, request(bHolds));
      expect(fourth.ok && fourth.merged && ids(fourth.merged.annotations)).toEqual(['a2', 'b1']);
      expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['a2', 'b1']);
      // Both now hold what is on disk: saving again writes nothing.
      const idle = await a.session.saveAnnotations(ID, sha, request(aHolds.filter((annotation) => annotation.id !== 'a1')));
      expect(idle).toMatchObject({ ok: true, written: false });
    }
  });

  it('asks about the same annotation changed on both sides, writes nothing, then saves the choice', async () => {
    const { root, annotationPath } = await corpus();
    const a = await session(root);
    const sha = (await a.session.loadArticle(ID)).sha256;
    expect((await a.session.saveAnnotations(ID, sha, request([span('تهران', 'x1')]))).ok).toBe(true);
    const b = await session(root);
    await b.session.loadArticle(ID);
    expect((await a.session.saveAnnotations(ID, sha, request([span('تهران', 'x1', 'ORG')]))).ok).toBe(true);
    const before = await fs.readFile(annotationPath);
    const conflicted = await b.session.saveAnnotations(ID, sha, request([span('تهران', 'x1', 'PER'), span('مشهد', 'b1')]));
    expect(conflicted.ok).toBe(false);
    if (conflicted.ok) return;
    expect(conflicted.retryable).toBe(false);
    expect(conflicted.conflicts).toHaveLength(1);
    expect(conflicted.conflicts?.[0]).toMatchObject({ kind: 'annotation', key: 'x1', base: { type: 'LOC' }, mine: { type: 'PER' }, disk: { type: 'ORG' } });
    expect((await fs.readFile(annotationPath)).equals(before)).toBe(true);
    // Sent again with the user's choice: B's version of x1, A's other work kept, B's new tag saved.
    const resolved = await b.session.saveAnnotations(ID, sha, request([span('تهران', 'x1', 'PER'), span('مشهد', 'b1')], { resolutions: { x1: 'mine' } }));
    expect(resolved).toMatchObject({ ok: true, written: true });
    const disk = await onDisk(annotationPath);
    expect(disk.annotations.map((annotation) => `${annotation.id}:${annotation.type}`).sort()).toEqual(['b1:LOC', 'x1:PER']);
    // Choosing the disk's version instead.
    expect((await a.session.saveAnnotations(ID, sha, request([span('تهران', 'x1', 'GPE')]))).ok).toBe(false);
    const keptDisk = await a.session.saveAnnotations(ID, sha, request([span('تهران', 'x1', 'GPE')], { resolutions: { x1: 'disk' } }));
    expect(keptDisk.ok && keptDisk.merged && keptDisk.merged.annotations.map((annotation) => `${annotation.id}:${annotation.type}`).sort()).toEqual(['b1:LOC', 'x1:PER']);
  });

  it('merges through saveChanges too (its rebuilt list is "mine") and names the merged list as the next revision', async () => {
    const { root, annotationPath } = await corpus();
    const a = await session(root);
    const b = await session(root);
    const sha = (await a.session.loadArticle(ID)).sha256;
    await b.session.loadArticle(ID);
    const first = await a.session.saveAnnotations(ID, sha, request([span('تهران', 'a1')]));
    const bFirst = await b.session.saveAnnotations(ID, sha, request([span('مشهد', 'b1')]));
    expect(first.ok && bFirst.ok).toBe(true);
    if (!first.ok || !first.revision) throw new Error('no revision');
    const changed = await a.session.saveAnnotationChanges(ID, sha, first.revision, { remove: [], insert: [{ index: 1, annotation: span('شیراز', 'a2') }], count: 2 }, { status: 'in-progress', relations: [], labels: [] });
    expect(changed.ok && changed.merged && ids(changed.merged.annotations)).toEqual(['a1', 'a2', 'b1']);
    expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['a1', 'a2', 'b1']);
    if (!changed.ok || !changed.revision) throw new Error('no revision');
    const next = await a.session.saveAnnotationChanges(ID, sha, changed.revision, { remove: ['b1'], insert: [], count: 2 }, { status: 'in-progress', relations: [], labels: [] });
    expect(next).toMatchObject({ ok: true, written: true });
    expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['a1', 'a2']);
  });

  it('never ping-pongs: two idle watching instances that reload on every change write only the real edit', async () => {
    const { root, annotationPath } = await corpus();
    const windows = await Promise.all([session(root, true), session(root, true)]);
    const sha = (await windows[0].session.loadArticle(ID)).sha256;
    await windows[1].session.loadArticle(ID);
    let writes = 0;
    let saves = 0;
    // The worst window: every change on disk is reloaded and saved straight back (a reload taken for an edit).
    for (const window of windows) {
      window.session.onEvent((event) => {
        if (event.kind !== 'annotationsChangedOnDisk') return;
        void (async () => {
          const loaded = await window.session.loadArticle(ID);
          const result = await window.session.saveAnnotations(ID, sha, request(loaded.annotations, { status: loaded.status }));
          saves++;
          if (result.ok && result.written) writes++;
        })();
      });
    }
    let inode = (await fs.stat(path.join(root, ID))).ino;
    let replaced = 0;
    const watching = setInterval(() => {
      void fs.stat(annotationPath).then(
        (stat) => {
          if (stat.ino !== inode) replaced++;
          inode = stat.ino;
        },
        () => undefined,
      );
    }, 5);
    cleanups.first(() => clearInterval(watching));
    const edit = await windows[0].session.saveAnnotations(ID, sha, request([span('تهران', 'a1')]));
    expect(edit).toMatchObject({ ok: true, written: true });
    await sleep(3500);
    clearInterval(watching);
    // The other instance saw the change and synced, but wrote nothing; the editing one was not told of its own write.
    expect(windows[1].events.some((event) => event.kind === 'annotationsChangedOnDisk')).toBe(true);
    expect(windows[0].events.filter((event) => event.kind === 'annotationsChangedOnDisk')).toEqual([]);
    expect(saves).toBeGreaterThanOrEqual(1);
    expect(writes).toBe(0);
    expect(replaced).toBe(1);
  }, 15000);
});

describe('an outside program writing while a save runs', () => {
  /**
   * A plain writer (a sync tool, a script): reads the file, adds its annotation, and writes it
   * back in place (truncate, then the bytes in two pieces), from 200 ms before to 200 ms after
   * the window's save, every 10 ms. Lost: an edit neither on disk nor reported as a conflict.
   */
  it('loses neither its edit nor the window’s', async () => {
    const counts = { tried: 0, survived: 0, lost: 0, conflicts: 0 };
    const lostAt: string[] = [];
    for (let offset = -200; offset <= 200; offset += 10) {
      const { root, annotationPath } = await corpus();
      const window = await session(root, true);
      const sha = (await window.session.loadArticle(ID)).sha256;
      const base = await window.session.saveAnnotations(ID, sha, request([span('شیراز', 'base')]));
      expect(base.ok).toBe(true);
      const outside = async () => {
        const file = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: StoredAnnotation[] };
        file.annotations.push(span('تبریز', 'outside'));
        const bytes = Buffer.from(JSON.stringify(file, null, 2));
        const handle = await fs.open(annotationPath, 'w');
        await handle.write(bytes, 0, bytes.length >> 1);
        await sleep(2);
        await handle.write(bytes, bytes.length >> 1);
        await handle.close();
      };
      const mine = [span('شیراز', 'base'), span('تهران', 'mine')];
      const origin = 210;
      const [saved] = await Promise.all([
        sleep(origin).then(() => window.session.saveAnnotations(ID, sha, request(mine))),
        sleep(origin + offset).then(outside),
      ]);
      // The watcher notices a change by another program within about 200 ms (file events, debounced),
      // and a blind overwrite is merged back then; on a loaded machine that may take longer, so the
      // disk is read until both edits are there, for at most 3 s (well inside the repair window).
      let disk: string[] = [];
      for (const started = Date.now(); ; await sleep(50)) {
        disk = ids((await onDisk(annotationPath)).annotations);
        if ((disk.includes('mine') && disk.includes('outside')) || Date.now() - started > 3000) break;
      }
      const conflicted = !saved.ok && (saved.conflicts?.length ?? 0) > 0;
      if (conflicted) counts.conflicts++;
      for (const edit of ['mine', 'outside']) {
        counts.tried++;
        if (disk.includes(edit) || conflicted) counts.survived++;
        else {
          counts.lost++;
          lostAt.push(`${edit}@${offset}ms`);
        }
      }
      await window.session.close();
    }
    console.log(`outside writer race: tried ${counts.tried}, survived ${counts.survived}, lost ${counts.lost} (${lostAt.join(', ') || 'none'}), conflicts ${counts.conflicts}`);
    expect(counts.tried).toBe(82);
    expect(counts.lost).toBe(0);
  }, 120000);
});

describe('a program that overwrites the file with what it read before our save', () => {
  it('has its change merged with ours, not taken as deleting ours', async () => {
    const { root, annotationPath } = await corpus();
    const window = await session(root, true);
    const sha = (await window.session.loadArticle(ID)).sha256;
    expect((await window.session.saveAnnotations(ID, sha, request([span('شیراز', 'base')]))).ok).toBe(true);
    const before = await fs.readFile(annotationPath, 'utf8');
    expect((await window.session.saveAnnotations(ID, sha, request([span('شیراز', 'base'), span('تهران', 'mine')]))).ok).toBe(true);
    // Made from the file as it was before our save, written in place after it.
    const theirs = JSON.parse(before) as { annotations: StoredAnnotation[] };
    theirs.annotations.push(span('تبریز', 'outside'));
    await fs.writeFile(annotationPath, JSON.stringify(theirs, null, 2));
    await until(() => window.events.some((event) => event.kind === 'annotationsChangedOnDisk'));
    expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['base', 'mine', 'outside']);
    // A later change that did see our write (it removes our tag on purpose) is not undone.
    const seen = await onDisk(annotationPath);
    seen.annotations = seen.annotations.filter((annotation) => annotation.id !== 'mine');
    window.events.length = 0;
    await fs.writeFile(annotationPath, JSON.stringify(seen, null, 2));
    await until(() => window.events.some((event) => event.kind === 'annotationsChangedOnDisk'));
    await sleep(100);
    expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['base', 'outside']);
  });

  it('is merged at the next save too, when the window saves before the watcher notices', async () => {
    const { root, annotationPath } = await corpus();
    const window = await session(root);
    const sha = (await window.session.loadArticle(ID)).sha256;
    expect((await window.session.saveAnnotations(ID, sha, request([span('شیراز', 'base')]))).ok).toBe(true);
    const before = await fs.readFile(annotationPath, 'utf8');
    const mine = [span('شیراز', 'base'), span('تهران', 'mine')];
    expect((await window.session.saveAnnotations(ID, sha, request(mine))).ok).toBe(true);
    const theirs = JSON.parse(before) as { annotations: StoredAnnotation[] };
    theirs.annotations.push(span('تبریز', 'outside'));
    await fs.writeFile(annotationPath, JSON.stringify(theirs, null, 2));
    const next = await window.session.saveAnnotations(ID, sha, request([...mine, span('مشهد', 'next')]));
    expect(next.ok && next.merged && ids(next.merged.annotations)).toEqual(['base', 'mine', 'next', 'outside']);
    expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['base', 'mine', 'next', 'outside']);
  });
});

async function until(condition: () => boolean, timeoutMs = 6000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the session');
    await sleep(20);
  }
}

describe('brat mode: NAME.ann written by brat or a script meanwhile', () => {
  const bratCorpus = () => bratCorpusOfOneArticle(cleanups, 'hashiye-brat-merge-', TEXT, 'تهران');

  it('merges by line id: the other writer’s lines keep their bytes, ours get free ids', async () => {
    const { root, annotationPath } = await bratCorpus();
    const window = await session(root);
    const document = await window.session.loadArticle(ID);
    expect(document.annotations.map((annotation) => annotation.id)).toEqual(['T1']);
    const mashhad = span('مشهد', 'T2');
    const theirLine = `T2\tPER ${mashhad.start} ${mashhad.end}\tمشهد\n#1\tAnnotatorNotes T2\tby brat\n`;
    await fs.appendFile(annotationPath, theirLine);
    const saved = await window.session.saveAnnotations(ID, document.sha256, request([...document.annotations, span('شیراز', 'new-1')]));
    expect(saved).toMatchObject({ ok: true, written: true });
    expect(saved.ok && saved.merged && saved.merged.annotations.map((annotation) => annotation.text).sort()).toEqual(['تهران', 'شیراز', 'مشهد'].sort());
    const content = await fs.readFile(annotationPath, 'utf8');
    expect(content).toContain(theirLine);
    expect(content).toMatch(/^T3\tLOC \d+ \d+\tشیراز$/m);
  });

  it('reports an entity changed on both sides as a conflict, writes nothing, then saves the choice', async () => {
    const { root, annotationPath } = await bratCorpus();
    const window = await session(root);
    const document = await window.session.loadArticle(ID);
    const theirs = (await fs.readFile(annotationPath, 'utf8')).replace('\tLOC ', '\tGPE ');
    await fs.writeFile(annotationPath, theirs);
    const changed = [{ ...document.annotations[0], type: 'ORG' }];
    const conflicted = await window.session.saveAnnotations(ID, document.sha256, request(changed));
    expect(conflicted.ok).toBe(false);
    expect(!conflicted.ok && conflicted.conflicts?.map((conflict) => conflict.key)).toEqual(['T1']);
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(theirs);
    const resolved = await window.session.saveAnnotations(ID, document.sha256, request(changed, { resolutions: { T1: 'mine' } }));
    expect(resolved.ok).toBe(true);
    expect(await fs.readFile(annotationPath, 'utf8')).toContain('\tORG ');
  });
});

describe('a file being written in place is never read as complete', () => {
  it('opens the article with the whole file, not the half written so far', async () => {
    const { root, annotationPath } = await corpus();
    const writer = await session(root);
    const sha = (await writer.session.loadArticle(ID)).sha256;
    expect((await writer.session.saveAnnotations(ID, sha, request([span('تهران', 'a1'), span('مشهد', 'a2')]))).ok).toBe(true);
    const bytes = await fs.readFile(annotationPath);
    const handle = await fs.open(annotationPath, 'w');
    await handle.write(bytes, 0, bytes.length >> 1);
    const reader = await session(root);
    const loading = reader.session.loadArticle(ID);
    await sleep(40);
    await handle.write(bytes, bytes.length >> 1);
    await handle.close();
    const document = await loading;
    expect(document.problem).toBeNull();
    expect(ids(document.annotations)).toEqual(['a1', 'a2']);
  });
});

describe('the app’s own writers elsewhere (tag all in the corpus) and the open window', () => {
  it('gives the window a merge, not an overwrite', async () => {
    const { root, annotationPath } = await corpus();
    const window = await session(root, true);
    const sha = (await window.session.loadArticle(ID)).sha256;
    expect((await window.session.saveAnnotations(ID, sha, request([span('تهران', 'a1')]))).ok).toBe(true);
    const tagged = await window.session.tagAllInCorpus('مشهد', true, 'LOC', 'ali');
    expect(tagged.added).toBe(1);
    // The window is told its article changed on disk.
    await until(() => window.events.some((event) => event.kind === 'annotationsChangedOnDisk'));
    // It saves an edit made before it synced: the tag-all tag stays.
    const saved = await window.session.saveAnnotations(ID, sha, request([span('تهران', 'a1'), span('شیراز', 'a2')]));
    expect(saved.ok && saved.merged && saved.merged.annotations.map((annotation) => annotation.text).sort()).toEqual(['تهران', 'شیراز', 'مشهد'].sort());
    expect((await onDisk(annotationPath)).annotations.map((annotation) => annotation.text).sort()).toEqual(['تهران', 'شیراز', 'مشهد'].sort());
  });
});

describe('two instances tagging a new article at the same moment', () => {
  it('merges back the tag of the one whose file was replaced by the other’s, though both moved the status to in-progress', async () => {
    const { root, annotationPath } = await corpus();
    const a = await session(root, true);
    const sha = (await a.session.loadArticle(ID)).sha256;
    expect((await a.session.saveAnnotations(ID, sha, request([span('تهران', 'a1')]))).ok).toBe(true);
    // B also found no file, and its rename landed just after A's: the file is B's alone.
    await fs.rm(annotationPath);
    const b = await session(root);
    await b.session.loadArticle(ID);
    expect((await b.session.saveAnnotations(ID, sha, request([span('مشهد', 'b1')]))).ok).toBe(true);
    await until(() => a.events.some((event) => event.kind === 'annotationsChangedOnDisk'));
    expect(ids((await onDisk(annotationPath)).annotations)).toEqual(['a1', 'b1']);
  });
});

describe('isBlindTo', () => {
  it('tells a file made without our write from one made after it', async () => {
    const { isBlindTo } = await import('./mergingSave');
    const empty = { status: 'new' as const, annotations: [], relations: [], labels: [] };
    const ours = { ...empty, status: 'in-progress' as const, annotations: [span('تهران', 'a1')] };
    const theirsBlind = { ...empty, status: 'in-progress' as const, annotations: [span('مشهد', 'b1')] };
    const theirsAfter = { ...empty, status: 'in-progress' as const, annotations: [span('تهران', 'a1'), span('مشهد', 'b1')] };
    expect(isBlindTo(empty, ours, theirsBlind)).toBe(true);
    expect(isBlindTo(empty, ours, theirsAfter)).toBe(false);
    // Nothing else changed: a plain deletion of our tag, not a blind write.
    expect(isBlindTo(empty, ours, empty)).toBe(false);
    // A retype of ours on their side means they saw it.
    expect(isBlindTo(empty, ours, { ...theirsBlind, annotations: [{ ...span('تهران', 'a1'), type: 'ORG' }, span('مشهد', 'b1')] })).toBe(false);
  });
});
