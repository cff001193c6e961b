// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { ConflictResolutions, SaveResult, SavedDocument } from '../../../../shared/saveWire';
import { mergeDocuments } from '../../../../shared/model/documentMerge';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { articleViewActions, useArticleViewStore } from '../articleViewStore';
import { useDocumentStore } from '../documentStore';
import { openArticle } from '../flows/article';
import { showCorpus, switchCorpusWhenSafe } from '../flows/corpus';
import { onAnnotationsChangedOnDisk } from '../flows/diskChanges';
import { retagAnnotationById, tagTextSelection, undo } from '../flows/editing';
import { preferencesActions } from '../preferencesStore';
import { saveStatusActions, useSaveStatusStore } from '../saveStatusStore';
import { useWindowStore, windowActions } from '../window/windowStore';
import { flushSave, hasUnsavedEdits, postponeConflicts, resolveConflicts, startAutosave } from './autosave';
import { answerLeaveQuestion, confirmLeavingUnsaved, installCloseGuard } from './closeGuard';
import { asUtf16Offset } from '../../../../shared/anchoring/offsetUnits';

/**
 * The window's side of concurrent writers and failed saves, against a main process that keeps
 * the contract of shared/ipc.ts: every save merged three ways (base = what this window last
 * loaded or saved, disk, mine), conflicts returned unwritten, `merged` when another writer's
 * changes came in, `readOnly` when the file cannot be written.
 */
const TEXT = 'علی دایی در تهران با مدیران فیفا دیدار کرد.\n';

class FakeMain {
  disk = new Map<string, SavedDocument>();
  base = new Map<string, SavedDocument>();
  readOnly = new Set<string>();
  writes = 0;
  saves = 0;
  switched = 0;
  /** While set, saves wait for it (a save on its way while the user goes on editing). */
  gate: Promise<void> | null = null;
  /** While set, a load answers only once it resolves, its base already taken (main read the file). */
  loadGate: Promise<void> | null = null;

  constructor(articles: string[]) {
    for (const id of articles) this.disk.set(id, { status: 'new', annotations: [], relations: [], labels: [] });
  }

  /** Another writer (a second instance, a sync tool) changes the file. */
  writeFromOutside(id: string, change: (document: SavedDocument) => SavedDocument): void {
    this.disk.set(id, change(structuredClone(this.disk.get(id) as SavedDocument)));
  }

  async load(id: string): Promise<ArticleDocument> {
    const disk = structuredClone(this.disk.get(id) as SavedDocument);
    this.base.set(id, structuredClone(disk));
    if (this.loadGate) await this.loadGate;
    // As main does: a file that cannot be written opens read-only, saying why.
    const problem = this.readOnly.has(id) ? { kind: 'permission' as const, message: `${id} cannot be written (the disk is mounted read-only)` } : null;
    return { id, name: id, text: TEXT, encoding: 'utf-8', encodingGuessed: false, sha256: 'sha', problem, migratedFrom: null, orphans: [], reanchored: null, ...disk };
  }

  async save(id: string, mine: SavedDocument, resolutions: ConflictResolutions | undefined): Promise<SaveResult> {
    this.saves++;
    if (this.gate) await this.gate;
    const disk = this.disk.get(id) as SavedDocument;
    const result = mergeDocuments(this.base.get(id) as SavedDocument, disk, mine, resolutions ?? {});
    if (result.conflicts.length > 0) return { ok: false, message: 'conflicts', userProblem: { code: 'saveConflicts', count: result.conflicts.length }, retryable: false, conflicts: result.conflicts };
    if (result.needsWrite) {
      if (this.readOnly.has(id)) return { ok: false, message: 'EROFS: read-only file system', userProblem: { code: 'readOnly', file: `${id}.ann.json`, reason: 'read-only-file-system' }, retryable: true, readOnly: true };
      this.disk.set(id, structuredClone(result.merged));
      this.writes++;
    }
    this.base.set(id, structuredClone(result.merged));
    return { ok: true, savedAt: new Date().toISOString(), written: result.needsWrite, ...(result.diskHadChanges ? { merged: structuredClone(result.merged) } : {}) };
  }

  api(): Api {
    const api = {
      article: { load: async ({ id }: { id: string }) => this.load(id) },
      annotations: {
        save: async ({ id, status, annotations, relations, labels, resolutions }: SavedDocument & { id: string; resolutions?: ConflictResolutions }) =>
          this.save(id, structuredClone({ status, annotations, relations, labels }), resolutions),
      },
      session: { remember: async () => ({ ok: true }) },
      corpus: {
        confirmSwitch: async () => {
          this.switched++;
          return null;
        },
      },
    };
    return api as unknown as Api;
  }
}

function annotation(id: string, word: string, type: string): StoredAnnotation {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(word))).length;
  return { id, type, start, end: start + Array.from(word).length, text: word };
}

function tagWord(word: string, type: string): string {
  const start = TEXT.indexOf(word);
  articleViewActions.selectText({ start: asUtf16Offset(start), end: asUtf16Offset(start + word.length) });
  return tagTextSelection(type) as string;
}

function types(): string[] {
  return useDocumentStore
    .getState()
    .annotations.map((item) => `${item.text}:${item.type}`)
    .sort();
}

function diskTypes(main: FakeMain, id: string): string[] {
  return (main.disk.get(id) as SavedDocument).annotations.map((item) => `${item.text}:${item.type}`).sort();
}

let main: FakeMain;
let stopAutosave: () => void;

beforeEach(async () => {
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0) as unknown as number);
  vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
  main = new FakeMain(['a.txt', 'b.txt']);
  window.api = main.api();
  preferencesActions.renameAnnotator('maryam');
  preferencesActions.changeDisplay({ language: 'fa' });
  windowActions.dismissNotice();
  saveStatusActions.dropLeaveQuestion();
  showCorpus({
    name: 'corpus',
    displayPath: '/corpus',
    mode: 'native',
    articles: ['a.txt', 'b.txt'].map((id) => ({ id, name: id, folder: '', status: 'new' as const, annotationCount: 0, tags: [], problem: null })),
    tagSet: { source: 'default', types: [], problem: null, userProblems: [] },
  });
  stopAutosave = startAutosave();
  await openArticle('a.txt');
});

afterEach(() => {
  stopAutosave();
  vi.unstubAllGlobals();
});

describe('saving with another writer', () => {
  it('takes the merged document without counting it as an edit, and undo cannot remove the other writer’s tag', async () => {
    main.writeFromOutside('a.txt', (document) => ({ ...document, annotations: [annotation('theirs', 'تهران', 'LOC')] }));
    tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('saved'));
    expect(types()).toEqual(['تهران:LOC', 'فیفا:ORG']);
    expect(diskTypes(main, 'a.txt')).toEqual(['تهران:LOC', 'فیفا:ORG']);
    expect(hasUnsavedEdits()).toBe(false);
    const saves = main.saves;
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Adopting the merge is not an edit: no save follows it (no ping-pong between instances).
    expect(main.saves).toBe(saves);
    // The merge is a checkpoint: undo cannot take the document back to before the other writer's tag.
    undo();
    expect(types()).toEqual(['تهران:LOC', 'فیفا:ORG']);
    expect(useWindowStore.getState().notice).toContain('ادغام');
  });

  it('syncs when the file changed on disk: a save that writes nothing and brings the other writer’s tag', async () => {
    main.writeFromOutside('a.txt', (document) => ({ ...document, status: 'in-progress', annotations: [annotation('theirs', 'تهران', 'LOC')] }));
    const writes = main.writes;
    await onAnnotationsChangedOnDisk('a.txt');
    expect(types()).toEqual(['تهران:LOC']);
    expect(useDocumentStore.getState().status).toBe('in-progress');
    expect(main.writes).toBe(writes);
    expect(hasUnsavedEdits()).toBe(false);
    expect(useSaveStatusStore.getState().saveState).toBe('saved');
  });

  it('a reload under way is never overwritten by a sync of the window as it was: the other writer’s rename stays', async () => {
    tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:ORG']));
    // A rewrite of the file (a tag-set rename) is followed by a reload and by the watcher's news of it, in either order.
    main.writeFromOutside('a.txt', (document) => ({ ...document, annotations: document.annotations.map((item) => ({ ...item, type: 'TEAM' })) }));
    let answer: () => void = () => undefined;
    main.loadGate = new Promise<void>((resolve) => (answer = resolve));
    const reload = openArticle('a.txt', { reload: true });
    await vi.waitFor(() => expect(useArticleViewStore.getState().loadingArticleId).toBe('a.txt'));
    const saves = main.saves;
    await onAnnotationsChangedOnDisk('a.txt');
    // The load brings the disk's version: the window as it was before it is not sent meanwhile.
    expect(main.saves).toBe(saves);
    main.loadGate = null;
    answer();
    await reload;
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('saved'));
    expect(types()).toEqual(['فیفا:TEAM']);
    expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:TEAM']);
  });

});

describe('saving with another writer: edits meanwhile and conflicts', () => {
  it('rebases edits made while a save was on its way onto the merged document', async () => {
    let open: () => void = () => undefined;
    main.gate = new Promise<void>((resolve) => (open = resolve));
    tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(main.saves).toBe(1));
    main.writeFromOutside('a.txt', (document) => ({ ...document, annotations: [annotation('theirs', 'تهران', 'LOC')] }));
    tagWord('علی', 'PER');
    main.gate = null;
    open();
    await vi.waitFor(() => expect(diskTypes(main, 'a.txt')).toEqual(['تهران:LOC', 'علی:PER', 'فیفا:ORG']));
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('saved'));
    expect(types()).toEqual(['تهران:LOC', 'علی:PER', 'فیفا:ORG']);
  });

  it('asks about the same annotation changed differently, writes nothing until the choice, then writes the choice', async () => {
    const id = tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:ORG']));
    main.writeFromOutside('a.txt', (document) => ({ ...document, annotations: document.annotations.map((item) => ({ ...item, type: 'MISC' })) }));
    retagAnnotationById(id, 'LOC');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().conflictPrompt?.open).toBe(true));
    const prompt = useSaveStatusStore.getState().conflictPrompt;
    expect(prompt?.conflicts).toHaveLength(1);
    expect(prompt?.conflicts[0]).toMatchObject({ kind: 'annotation', key: id, mine: { type: 'LOC' }, disk: { type: 'MISC' } });
    expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:MISC']);
    // Escape: nothing chosen, nothing written, the edit kept and said unsaved.
    postponeConflicts();
    expect(useSaveStatusStore.getState().saveState).toBe('conflict');
    expect(hasUnsavedEdits()).toBe(true);
    expect(await flushSave()).toBe(false);
    expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:MISC']);
    await resolveConflicts({ [id]: 'mine' });
    await vi.waitFor(() => expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:LOC']));
    expect(useSaveStatusStore.getState().saveState).toBe('saved');
    expect(useSaveStatusStore.getState().conflictPrompt).toBeNull();
  });

  it('keeping theirs takes the other writer’s version into the window', async () => {
    const id = tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:ORG']));
    main.writeFromOutside('a.txt', (document) => ({ ...document, annotations: [] }));
    retagAnnotationById(id, 'LOC');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().conflictPrompt?.conflicts[0]?.disk).toBeNull());
    await resolveConflicts({ [id]: 'disk' });
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('saved'));
    expect(types()).toEqual([]);
    expect(diskTypes(main, 'a.txt')).toEqual([]);
  });
});

describe('a failed save is never hidden', () => {
  it('keeps the edit across article switches, marked unsaved, and saves it once the disk takes it', async () => {
    main.readOnly.add('a.txt');
    tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('unwritable'));
    await openArticle('b.txt');
    expect(useSaveStatusStore.getState().unsavedArticles).toMatchObject([{ id: 'a.txt', state: 'unwritable' }]);
    // The open article has nothing unsaved, but the status never says saved while a.txt is not.
    expect(useSaveStatusStore.getState().saveState).toBe('saved');
    await openArticle('a.txt');
    expect(types()).toEqual(['فیفا:ORG']);
    // Found read-only on opening, yet with edits of its own: shown editable, said unwritable, not read-only.
    expect(useArticleViewStore.getState().article?.problem).toBeNull();
    expect(['unwritable', 'saving']).toContain(useSaveStatusStore.getState().saveState);
    expect(hasUnsavedEdits()).toBe(true);
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('unwritable'));
    expect(diskTypes(main, 'a.txt')).toEqual([]);

    // Away again; the folder becomes writable; the background retry writes it.
    await openArticle('b.txt');
    main.readOnly.delete('a.txt');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().unsavedArticles).toEqual([]), { timeout: 5_000 });
    expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:ORG']);
  });

  it('edits held for an article are rebased onto what another writer did meanwhile', async () => {
    main.readOnly.add('a.txt');
    tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('unwritable'));
    await openArticle('b.txt');
    main.writeFromOutside('a.txt', (document) => ({ ...document, annotations: [annotation('theirs', 'تهران', 'LOC')] }));
    await openArticle('a.txt');
    expect(types()).toEqual(['تهران:LOC', 'فیفا:ORG']);
  });

  it('an article found read-only on opening, with no edits held, opens read-only', async () => {
    main.readOnly.add('b.txt');
    await openArticle('b.txt');
    expect(useArticleViewStore.getState().article?.problem?.kind).toBe('permission');
    expect(useSaveStatusStore.getState().saveState).toBe('readonly');
  });

});

describe('leaving with edits the disk refuses', () => {
  it('asks before leaving the corpus with edits that cannot be written, and staying keeps them', async () => {
    main.readOnly.add('a.txt');
    tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('unwritable'));
    const answer = confirmLeavingUnsaved('switch-corpus');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().leaveQuestion).toEqual({ action: 'switch-corpus', articles: ['a.txt'] }));
    answerLeaveQuestion(false);
    expect(await answer).toBe(false);
    expect(types()).toEqual(['فیفا:ORG']);
    expect(hasUnsavedEdits()).toBe(true);
  });

  it('a corpus switch from main’s menu waits for the answer: staying never lets main switch', async () => {
    main.readOnly.add('a.txt');
    tagWord('فیفا', 'ORG');
    await vi.waitFor(() => expect(useSaveStatusStore.getState().saveState).toBe('unwritable'));
    const switching = switchCorpusWhenSafe(`switch${'0'.repeat(24)}`);
    await vi.waitFor(() => expect(useSaveStatusStore.getState().leaveQuestion?.articles).toEqual(['a.txt']));
    answerLeaveQuestion(false);
    await switching;
    expect(main.switched).toBe(0);
    const leaving = switchCorpusWhenSafe(`switch${'1'.repeat(24)}`);
    await vi.waitFor(() => expect(useSaveStatusStore.getState().leaveQuestion).not.toBeNull());
    answerLeaveQuestion(true);
    await leaving;
    expect(main.switched).toBe(1);
  });

});

describe('closing the window', () => {
  it('closing the window with edits the disk refuses holds the close, asks, and closes only when told to', async () => {
    const stopGuard = installCloseGuard();
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    try {
      main.readOnly.add('a.txt');
      tagWord('فیفا', 'ORG');
      const attempt = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(attempt()).toBe(true);
      await vi.waitFor(() => expect(useSaveStatusStore.getState().leaveQuestion).toEqual({ action: 'close', articles: ['a.txt'] }));
      answerLeaveQuestion(false);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(close).not.toHaveBeenCalled();
      expect(attempt()).toBe(true);
      await vi.waitFor(() => expect(useSaveStatusStore.getState().leaveQuestion).not.toBeNull());
      answerLeaveQuestion(true);
      await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
      // The close that follows goes through.
      expect(attempt()).toBe(false);
    } finally {
      close.mockRestore();
      stopGuard();
    }
  });

  it('closing with edits the disk takes saves them first and then closes, without asking', async () => {
    const stopGuard = installCloseGuard();
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    try {
      tagWord('فیفا', 'ORG');
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
      await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
      expect(useSaveStatusStore.getState().leaveQuestion).toBeNull();
      expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:ORG']);
    } finally {
      close.mockRestore();
      stopGuard();
    }
  });

  it('leaves without asking when everything could be saved', async () => {
    tagWord('فیفا', 'ORG');
    expect(await confirmLeavingUnsaved('close')).toBe(true);
    expect(diskTypes(main, 'a.txt')).toEqual(['فیفا:ORG']);
  });
});
