import { toDocumentAnnotations, type DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import type { OffsetConverter } from '../../../../shared/anchoring/offsets';
import { StringPool } from '../../../../shared/model/stringPool';
import { nextTask } from '../../dom/nextTask';

/** Annotations converted between two looks at the clock: a millisecond or two on a quiet machine. */
export const ANNOTATIONS_PER_STEP = 1_000;
/**
 * The window's time a task of steps may take before it yields (#17, session 12: steps of 10,000
 * made tasks of 60-220 ms, with their garbage collections, on the loaded 2-core machine).
 */
export const STEP_BUDGET_MS = 8;

/**
 * The loaded annotations with UTF-16 offsets (toDocumentAnnotations), converted a step at a
 * time in tasks of at most about STEP_BUDGET_MS, the window free between them: 100,000 of them
 * at once held it for a few hundred milliseconds (#17). A long list starts in a task of its own,
 * not in the one that received it (whose message decoding already took its share). A short list
 * is converted at once, with no wait.
 */
export async function toDocumentAnnotationsInSteps(stored: readonly StoredAnnotation[], converter: OffsetConverter, perStep = ANNOTATIONS_PER_STEP, budgetMs = STEP_BUDGET_MS): Promise<DocumentAnnotation[]> {
  if (stored.length <= perStep) return toDocumentAnnotations(stored, converter);
  const converted: DocumentAnnotation[] = [];
  // One pool for every step: a type or author first seen in one step is shared by the next.
  const pool = new StringPool();
  let taskStarted = Number.NEGATIVE_INFINITY;
  for (let start = 0; start < stored.length; start += perStep) {
    if (performance.now() - taskStarted >= budgetMs) {
      await nextTask();
      taskStarted = performance.now();
    }
    for (const annotation of toDocumentAnnotations(stored.slice(start, start + perStep), converter, pool)) converted.push(annotation);
  }
  return converted;
}
