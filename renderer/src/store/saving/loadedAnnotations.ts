import { toDocumentAnnotations, type DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import type { OffsetConverter } from '../../../../shared/anchoring/offsets';
import { StringPool } from '../../../../shared/model/stringPool';

/** Annotations converted in one task: about 10-20 ms here, well under the 100 ms a freeze is felt at. */
export const ANNOTATIONS_PER_STEP = 10_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The loaded annotations with UTF-16 offsets (toDocumentAnnotations), converted a step at a
 * time with the window free between steps: 100,000 of them at once held it for a few hundred
 * milliseconds (#17). A short list is converted at once, with no wait.
 */
export async function toDocumentAnnotationsInSteps(stored: readonly StoredAnnotation[], converter: OffsetConverter, perStep = ANNOTATIONS_PER_STEP): Promise<DocumentAnnotation[]> {
  if (stored.length <= perStep) return toDocumentAnnotations(stored, converter);
  const converted: DocumentAnnotation[] = [];
  // One pool for every step: a type or author first seen in one step is shared by the next.
  const pool = new StringPool();
  for (let start = 0; start < stored.length; start += perStep) {
    if (start > 0) await nextTask();
    for (const annotation of toDocumentAnnotations(stored.slice(start, start + perStep), converter, pool)) converted.push(annotation);
  }
  return converted;
}
