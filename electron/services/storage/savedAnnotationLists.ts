import { randomUUID } from 'node:crypto';
import { applyAnnotationListChanges, type AnnotationListChanges } from '../../../shared/model/annotationChanges';
import type { StoredAnnotation, StoredRelation } from '../../../shared/model/nativeFormat';

/**
 * The annotation list of each article's last accepted save, under a revision name the window
 * saves its next changes against (annotations.saveChanges). Only the most recently saved
 * articles are kept: a window that names a forgotten revision is told so and sends the whole list.
 * The relations saved with the list are kept beside it: a save that leaves them as they were
 * need not send them again (#25: the 2,000 relations of the bench article were sent and checked
 * with every save after every tagging, a task of 20-30 ms a key could arrive behind).
 */
export class SavedAnnotationLists {
  /** `annotations` null while `ready` has not settled: the list of a load still parsing its file (#17). */
  private readonly lists = new Map<string, KeptList>();

  constructor(private readonly capacity = 8) {}

  /** Remembers what was just saved for an article; returns the revision that names it. */
  remember(articleId: string, annotations: readonly StoredAnnotation[], relations: readonly StoredRelation[] | null = null): string {
    return this.keep(articleId, { revision: randomUUID(), annotations, relations, ready: null, onAsked: null });
  }

  /**
   * (#17) Names a list that is still being worked out (an article sent from its first page while
   * main parses the whole file): pages asked of it wait for `list`. Null (or a failure) means the
   * list sent in part is not the one the file gives: its revision is then forgotten, and the
   * window, told so, loads the article again whole. `onAsked`: called when a page is first asked for.
   */
  rememberPending(articleId: string, list: Promise<readonly StoredAnnotation[] | null>, onAsked: () => void = () => undefined, relations: readonly StoredRelation[] | null = null): string {
    const kept: KeptList = { revision: randomUUID(), annotations: null, relations, ready: null, onAsked };
    const settle = (annotations: readonly StoredAnnotation[] | null) => {
      if (this.lists.get(articleId) !== kept) return;
      if (annotations === null) this.lists.delete(articleId);
      else kept.annotations = annotations;
    };
    kept.ready = list.then(settle, () => settle(null));
    return this.keep(articleId, kept);
  }

  private keep(articleId: string, kept: KeptList): string {
    this.lists.delete(articleId);
    this.lists.set(articleId, kept);
    while (this.lists.size > this.capacity) {
      const oldest = this.lists.keys().next().value;
      if (oldest === undefined) break;
      this.lists.delete(oldest);
    }
    return kept.revision;
  }

  /** Whether `revision` is the article's list kept now, still being worked out. */
  isPending(articleId: string, revision: string): boolean {
    const kept = this.lists.get(articleId);
    return kept !== undefined && kept.revision === revision && kept.annotations === null;
  }

  /** listAt, once a list still being worked out is known (null when it turned out not to be the one sent, or was replaced meanwhile). */
  async listWhenReady(articleId: string, revision: string): Promise<readonly StoredAnnotation[] | null> {
    const kept = this.lists.get(articleId);
    if (!kept || kept.revision !== revision) return null;
    kept.onAsked?.();
    await kept.ready;
    return this.lists.get(articleId) === kept ? kept.annotations : null;
  }

  /**
   * (#17) The article's list kept now, whatever its revision, once it is known (a list still being
   * worked out is waited for, without asking for it: `onAsked` is not called); null when none is
   * kept, or it turned out not to be the one sent, or it was replaced meanwhile.
   */
  async latest(articleId: string): Promise<readonly StoredAnnotation[] | null> {
    const kept = this.lists.get(articleId);
    if (!kept) return null;
    await kept.ready;
    return this.lists.get(articleId) === kept ? kept.annotations : null;
  }

  /** The full list that `changes` against `revision` describe, or null when that revision is not the one kept. */
  withChanges(articleId: string, revision: string, changes: AnnotationListChanges<StoredAnnotation>): StoredAnnotation[] | null {
    const kept = this.lists.get(articleId);
    if (!kept || kept.revision !== revision || kept.annotations === null) return null;
    return applyAnnotationListChanges(kept.annotations, changes);
  }

  /** The relations saved with the list kept under `revision`, or null when that revision is not the one kept or its relations were not kept. */
  relationsAt(articleId: string, revision: string): readonly StoredRelation[] | null {
    const kept = this.lists.get(articleId);
    return kept && kept.revision === revision && kept.annotations !== null ? kept.relations : null;
  }

  /** The list kept under `revision`, or null when that revision is not the one kept. */
  listAt(articleId: string, revision: string): readonly StoredAnnotation[] | null {
    const kept = this.lists.get(articleId);
    return kept && kept.revision === revision ? kept.annotations : null;
  }

  forget(articleId: string): void {
    this.lists.delete(articleId);
  }

  clear(): void {
    this.lists.clear();
  }
}

interface KeptList {
  revision: string;
  annotations: readonly StoredAnnotation[] | null;
  /** Saved (or loaded) with `annotations`; null when not known. */
  relations: readonly StoredRelation[] | null;
  ready: Promise<void> | null;
  /** Called when a page of a list still being worked out is asked for (the work may wait for that). */
  onAsked: (() => void) | null;
}
