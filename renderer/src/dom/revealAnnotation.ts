import type { Utf16Offset } from '../../../shared/anchoring/offsetUnits';
import { rangesForOffsets } from './rangesForOffsets';
import { revealRange, scrollRangeIntoView } from './scrollRangeIntoView';

interface PlacedAnnotation {
  id: string;
  /** UTF-16 offsets in the document text, as the article view uses them. */
  start: Utf16Offset;
  end: Utf16Offset;
}

/**
 * Scrolls the article to an annotation. Its highlight may not be drawn yet: in an article with
 * very many annotations, only chunks near the view draw theirs (ArticleView). Then the view
 * goes to its text, and the chunk draws the highlight once it is near.
 */
export function revealAnnotation(annotation: PlacedAnnotation, block: 'center' | 'nearest'): void {
  const root = document.querySelector<HTMLElement>('[data-testid="article"]');
  if (!root) return;
  const markOf = () => root.querySelector(`[data-annotation-id="${CSS.escape(annotation.id)}"]`);
  const mark = markOf();
  if (mark) {
    mark.scrollIntoView({ block });
    return;
  }
  // Its text, found again from the offsets once the chunk holding it is drawn (or its highlight).
  const locate = (): Range | undefined => {
    const drawn = markOf();
    if (!drawn) return rangesForOffsets(root, [annotation])[0];
    const range = document.createRange();
    range.selectNodeContents(drawn);
    return range;
  };
  const range = locate();
  if (!range) return;
  if (block === 'center') void scrollRangeIntoView(range, locate);
  else revealRange(range);
}
