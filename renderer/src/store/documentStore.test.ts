import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentAnnotation } from '../../../shared/anchoring/documentAnnotation';
import { documentActions, isChangeNotAnEdit, useDocumentStore } from './documentStore';

/** The document records: each edit one undo step, loads and merges adopted from disk none. */

function annotation(id: string, type = 'PER'): DocumentAnnotation {
  return { id, type, start: 0, end: 3, text: 'علی' } as DocumentAnnotation;
}

const history = () => useDocumentStore.temporal.getState();

beforeEach(() => {
  documentActions.load({ articleId: 'a.txt', annotations: [], relations: [], labels: [], status: 'new' });
});

describe('documentActions', () => {
  it('an edit replaces the annotations (and status or relations when given) as one undo step', () => {
    documentActions.edit({ annotations: [annotation('a1')], status: 'in-progress' });
    expect(useDocumentStore.getState()).toMatchObject({ articleId: 'a.txt', status: 'in-progress', annotations: [{ id: 'a1' }] });
    documentActions.edit({ annotations: [annotation('a1', 'LOC')] });
    expect(useDocumentStore.getState().status).toBe('in-progress');
    const relations = [{ id: 'r1', type: 'near', from: 'a1', to: 'a1' }];
    documentActions.edit({ annotations: [annotation('a1', 'LOC')], relations });
    expect(useDocumentStore.getState().relations).toBe(relations);
    expect(history().pastStates).toHaveLength(3);
  });

  it('undo and redo walk the edits, and only the edits', () => {
    documentActions.edit({ annotations: [annotation('a1')], status: 'in-progress' });
    documentActions.edit({ annotations: [annotation('a1'), annotation('a2')] });
    documentActions.undo();
    expect(useDocumentStore.getState().annotations.map((item) => item.id)).toEqual(['a1']);
    documentActions.undo();
    expect(useDocumentStore.getState()).toMatchObject({ annotations: [], status: 'new', articleId: 'a.txt' });
    documentActions.undo();
    expect(useDocumentStore.getState().annotations).toEqual([]);
    documentActions.redo();
    documentActions.redo();
    expect(useDocumentStore.getState().annotations.map((item) => item.id)).toEqual(['a1', 'a2']);
    documentActions.redo();
    expect(history().futureStates).toHaveLength(0);
  });

  it('a load starts the history afresh and is not an edit', () => {
    documentActions.edit({ annotations: [annotation('a1')] });
    const seen: boolean[] = [];
    const stop = useDocumentStore.subscribe(() => seen.push(isChangeNotAnEdit()));
    documentActions.load({ articleId: 'b.txt', annotations: [annotation('b1')], relations: [], labels: ['x'], status: 'done' });
    stop();
    expect(seen).toEqual([true]);
    expect(isChangeNotAnEdit()).toBe(false);
    expect(useDocumentStore.getState()).toMatchObject({ articleId: 'b.txt', labels: ['x'], status: 'done' });
    expect(history().pastStates).toHaveLength(0);
    documentActions.undo();
    expect(useDocumentStore.getState().annotations.map((item) => item.id)).toEqual(['b1']);
  });

  it("another writer's merge ends the history: undo never steps back past it", () => {
    documentActions.edit({ annotations: [annotation('a1')] });
    documentActions.adoptMerged({ articleId: 'a.txt', annotations: [annotation('a1'), annotation('theirs')], relations: [], labels: [], status: 'in-progress' });
    documentActions.undo();
    expect(useDocumentStore.getState().annotations.map((item) => item.id)).toEqual(['a1', 'theirs']);
    documentActions.edit({ annotations: [annotation('theirs')] });
    documentActions.undo();
    expect(useDocumentStore.getState().annotations.map((item) => item.id)).toEqual(['a1', 'theirs']);
  });
});
