import { Fragment, memo, type ReactElement, type ReactNode } from 'react';
import { segmentRange, stackLevels } from '../../../../shared/text/highlightBands';
import type { TextPiece } from '../../../../shared/text/paragraphChunks';
import { useParagraphSlice } from '../../store/paragraphSlices';
import { labelAttributes } from './labelChips';
import { useHighlightTurn } from './highlightTurns';
import { highlightPieces } from '../../../../shared/relations/fragmentOperations';

export interface TagAppearance {
  color: string;
  label: string;
}

interface ParagraphViewProps {
  /** A paragraph, or a piece of a very long one (see TextPiece). */
  paragraph: TextPiece;
  appearance: (type: string) => TagAppearance;
}

/** Stack levels with a rule in styles.css (`mark.hl[data-level=…]`); deeper ones get an inline style. */
const LEVELS_STYLED_BY_CSS = 8;

/**
 * One paragraph with its highlights as nested inline elements. Styles on highlights never
 * change the text's layout (no padding, border or font change): a partly tagged word stays
 * joined and shaped as before. Labels are CSS pseudo-content outside the text flow.
 *
 * Its annotations and selection come from its own slice of the document (paragraphSlices),
 * so an edit re-renders the paragraphs it touched and nothing else.
 *
 * A highlight carries only attributes: its colour comes from a per-type rule (ArticleView's
 * tag colour sheet) and its band from a per-level rule, and the hover title is set when the
 * pointer reaches it. An article holds ten thousand of them: inline styles and titles built
 * for each made opening it several times slower.
 */
function ParagraphViewComponent({ paragraph, appearance }: ParagraphViewProps): ReactNode {
  const { annotations: sliced, selectedId } = useParagraphSlice(paragraph.index);
  // A discontinuous span: one highlight per fragment, all with its id, none over the gap (#20).
  const annotations = highlightPieces(sliced);
  const segments = annotations.length === 0 ? [] : segmentRange(paragraph.start, paragraph.end, annotations);
  // (#17) While the article opens from its first page, its highlights come a few hundred a frame.
  const drawn = useHighlightTurn(highlightElementCount(segments));
  if (annotations.length === 0 || !drawn) return paragraph.text;
  const levels = stackLevels(annotations);
  const children: ReactNode[] = segments.map((segment) => {
    const text = paragraph.text.slice(segment.start - paragraph.start, segment.end - paragraph.start);
    let node: ReactNode = text;
    for (let index = segment.spans.length - 1; index >= 0; index--) {
      const annotation = segment.spans[index];
      const isFirst = segment.start === Math.max(annotation.start, paragraph.start);
      const classes = ['hl'];
      if (isFirst) classes.push('hl-first');
      if (annotation.id === selectedId) classes.push('hl-selected');
      const level = levels.get(annotation.id) ?? 0;
      node = (
        <mark
          key={annotation.id}
          className={classes.join(' ')}
          data-annotation-id={annotation.id}
          data-entity-type={annotation.type}
          data-level={level}
          {...labelAttributes(annotation, appearance(annotation.type).label, isFirst)}
          style={level > LEVELS_STYLED_BY_CSS ? { ['--level' as string]: String(level) } : undefined}
        >
          {node}
        </mark>
      );
    }
    return <Fragment key={segment.start}>{node}</Fragment>;
  });
  return children;
}

/** The `<mark>` elements a paragraph's segments nest: one per span over each segment. */
function highlightElementCount(segments: readonly { spans: readonly unknown[] }[]): number {
  let count = 0;
  for (const segment of segments) count += segment.spans.length;
  return count;
}

/** A paragraph's own attributes. */
function paragraphAttributes(paragraph: TextPiece): { dir: string; className: string; 'data-offset': number } {
  // Pieces of one long paragraph sit flush against each other and share its direction.
  let className = 'paragraph';
  if (paragraph.continued) className += ' piece-continued';
  if (paragraph.continues) className += ' piece-continues';
  return { dir: paragraph.direction ?? 'auto', className, 'data-offset': paragraph.start };
}

/** The content of a paragraph with its highlights, from its own slice of the document. */
export const ParagraphView = memo(ParagraphViewComponent);

/**
 * A paragraph of the article near the view, with its highlights (paragraphChunkElement draws a
 * chunk far from the view as its text alone, with no element per paragraph).
 */
export function paragraphElement(paragraph: TextPiece, appearance: (type: string) => TagAppearance): ReactElement {
  // Attributes named one by one, not spread: React keeps the props object as built, and a spread
  // copy with `children` added after it held each of the 3,300 in a property array of its own (#25 heap).
  const { dir, className, 'data-offset': offset } = paragraphAttributes(paragraph);
  return (
    <p key={paragraph.start} dir={dir} className={className} data-offset={offset}>
      <ParagraphView paragraph={paragraph} appearance={appearance} />
    </p>
  );
}
