import { randomUUID } from 'node:crypto';
import { applyAnnotationListChanges, type AnnotationListChanges } from '../../../shared/model/annotationChanges';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';

/**
 * The annotation list of each article's last accepted save, under a revision name the window
 * saves its next changes against (annotations.saveChanges). Only the most recently saved
 * articles are kept: a window that names a forgotten revision is told so and sends the whole list.
 */
export class SavedAnnotationLists {
  private readonly lists = new Map<string, { revision: string; annotations: readonly StoredAnnotation[] }>();

  constructor(private readonly capacity = 8) {}

  /** Remembers what was just saved for an article; returns the revision that names it. */
  remember(articleId: string, annotations: readonly StoredAnnotation[]): string {
    const revision = randomUUID();
    this.lists.delete(articleId);
    this.lists.set(articleId, { revision, annotations });
    while (this.lists.size > this.capacity) {
      const oldest = this.lists.keys().next().value;
      if (oldest === undefined) break;
      this.lists.delete(oldest);
    }
    return revision;
  }

  /** The full list that `changes` against `revision` describe, or null when that revision is not the one kept. */
  withChanges(articleId: string, revision: string, changes: AnnotationListChanges<StoredAnnotation>): StoredAnnotation[] | null {
    const kept = this.lists.get(articleId);
    if (!kept || kept.revision !== revision) return null;
    return applyAnnotationListChanges(kept.annotations, changes);
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
