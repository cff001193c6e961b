import { startTransition, type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { TagSetWire } from '../../../../shared/corpusWire';
import { snapToWords, trimRange } from '../../../../shared/anchoring/wordSnap';
import { paragraphIndexAt } from '../../../../shared/text/paragraphs';
import { snapWindow } from '../../../../shared/anchoring/snapWindow';
import { selectDomRange } from '../../dom/domPosition';
import { offsetOfBoundary, selectionToOffsets } from '../../dom/selectionOffsets';
import { suggestionActions } from '../../store/suggestionStore';
import { useDocumentStore } from '../../store/documentStore';
import { articleViewActions, useArticleViewStore, type OpenArticle } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { chunkParagraphs, type ParagraphChunk } from '../../../../shared/text/paragraphChunks';
import { piecesOf } from '../../store/paragraphSlices';
import { useTagAppearance } from '../annotations/useTagAppearance';
import { chunkLimits, DRAW_ALL_HIGHLIGHTS_UP_TO } from './chunks/articleChunkSizes';
import { useHighlightedChunks } from './chunks/useHighlightedChunks';
import { useFarChunkHeights } from './chunks/ParagraphChunkView';
import { useParagraphChunkElements } from './chunks/chunkElementCache';
import { useSkippableGroups } from './chunks/articleChunks';
import { copyAcrossFarChunks } from './chunks/farChunkCopy';
import { labelInkFor } from './labelChips';
import { messages } from '../../i18n/messages';
import { fillTemplate } from '../../i18n/template';
import { useLabelPlacement } from './useLabelPlacement';
import { languageOfText } from '../../../../shared/text/textLanguage';
import { RelationOverlay } from '../relations/RelationOverlay';

/**
 * For the height a chunk holds before it is first laid out: characters on a line of the column,
 * from its width. A Persian character of the article font is about 0.46 em wide on average
 * (85 characters on a line of the 46rem column at 19px). A fixed count made chunks of a narrow
 * window's column hold half their real height: a chunk drawn for the first time then pushed
 * what follows by thousands of pixels, and a highlight just made could leave the view.
 */
const EM_PER_CHARACTER = 0.46;
const DEFAULT_CHARACTERS_PER_LINE = 85;

/**
 * The last count measured: the next article (a view of its own) starts from it, and its first
 * measure then renders nothing again (#17: a new count re-made every chunk of the first frame).
 */
let lastCharactersPerLine = DEFAULT_CHARACTERS_PER_LINE;

function useCharactersPerLine(root: RefObject<HTMLElement | null>): number {
  const [characters, setCharacters] = useState(lastCharactersPerLine);
  useLayoutEffect(() => {
    const element = root.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      // The observer also reports height changes (chunks laid out while scrolling, a new font
      // size); setting the same count again renders nothing.
      const width = element.clientWidth;
      if (width === 0) return;
      const fontSize = Number.parseFloat(getComputedStyle(element).fontSize) || 19;
      lastCharactersPerLine = Math.max(10, Math.round(width / (fontSize * EM_PER_CHARACTER)));
      setCharacters(lastCharactersPerLine);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [root]);
  return characters;
}
/** Characters rendered in the first frame: more than a tall window shows at once. */
const FIRST_FRAME_CHARACTERS = 12_000;
/** Characters added in each later step, rendered in a transition that yields to input (#17: steps of 60,000 made commits of 85-445 ms with the 100,000-annotation article on a loaded machine). */
const STEP_CHARACTERS = 30_000;

function chunksWithin(chunks: readonly ParagraphChunk[], from: number, characters: number): number {
  let end = from;
  let total = 0;
  while (end < chunks.length && total < characters) total += chunks[end++].characters;
  return end;
}

/**
 * How many chunks are in the DOM. A long article opens with its first screenfuls, then the
 * rest is added in steps after that first frame, each rendered as a transition that yields to
 * key presses; in a second or so every paragraph is there for selection and find. Off-screen
 * chunks then cost little: `content-visibility: auto` skips their layout and paint.
 */
function useRenderedChunkCount(chunks: readonly ParagraphChunk[]): number {
  const [count, setCount] = useState(() => chunksWithin(chunks, 0, FIRST_FRAME_CHARACTERS));
  useEffect(() => {
    if (count >= chunks.length) return;
    const timer = setTimeout(() => startTransition(() => setCount(chunksWithin(chunks, count, STEP_CHARACTERS))), 0);
    return () => clearTimeout(timer);
  }, [count, chunks]);
  return Math.min(count, chunks.length);
}

/**
 * Tag colours as one rule per type in a constructed style sheet: ten thousand highlights then
 * carry no inline style. CSSOM calls, not style text: a tag id or colour from a corpus file
 * can never break out of its rule, and the `style-src 'self'` policy allows them.
 */
function useTagColourSheet(tagSet: TagSetWire | null): void {
  useLayoutEffect(() => {
    if (!tagSet || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    // Event types colour their triggers (#20), though they are never offered as span tags.
    for (const type of [...tagSet.types, ...(tagSet.eventTypes ?? [])]) {
      // The highlights and their label chips (chipLayer.ts) take the type's colour.
      const id = CSS.escape(type.id);
      const index = sheet.insertRule(`.article mark.hl[data-entity-type="${id}"], .article .label-chip[data-chip-type="${id}"] {}`, sheet.cssRules.length);
      (sheet.cssRules[index] as CSSStyleRule).style.setProperty('--tag-color', type.color);
      (sheet.cssRules[index] as CSSStyleRule).style.setProperty('--tag-ink', labelInkFor(type.color));
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [tagSet]);
}

export function ArticleView({ article }: { article: OpenArticle }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const characterPrecision = useArticleViewStore((state) => state.characterPrecision);
  const appearance = useTagAppearance();
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  useTagColourSheet(tagSet);
  useLabelPlacement(rootRef);
  const articleLanguage = useMemo(() => languageOfText(article.text), [article.text]);
  const language = usePreferencesStore((state) => state.language);
  const articleLabel = fillTemplate(messages[language].articleRegion, { name: article.name }, language);
  // Very long paragraphs are drawn in pieces (a one-line article of megabytes would otherwise be
  // one block the browser shapes and lays out whole, for seconds to minutes).
  const pieces = piecesOf(article.paragraphs);
  const charactersPerLine = useCharactersPerLine(rootRef);
  const manyAnnotations = useDocumentStore((state) => state.annotations.length > DRAW_ALL_HIGHLIGHTS_UP_TO);
  // Small chunks once highlights are drawn only near the view (see chunkLimits), kept for this
  // article even if deletions bring it under the limit: chunking afresh redraws the whole text.
  const [smallChunks, setSmallChunks] = useState(manyAnnotations);
  if (manyAnnotations && !smallChunks) setSmallChunks(true);
  const chunks = useMemo(() => chunkParagraphs(pieces, { ...chunkLimits(smallChunks), charactersPerLine }), [pieces, smallChunks, charactersPerLine]);
  const renderedChunks = useRenderedChunkCount(chunks);
  useSkippableGroups(rootRef, chunks, renderedChunks);
  const highlightedChunks = useHighlightedChunks(manyAnnotations, rootRef, renderedChunks);
  useFarChunkHeights(rootRef, highlightedChunks);

  // The hover title of a highlight is made when the pointer reaches it, not for every highlight up front.
  const showTitle = useCallback(
    (event: MouseEvent) => {
      const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-annotation-id]');
      if (!mark) return;
      const annotation = useDocumentStore.getState().annotations.find((candidate) => candidate.id === mark.dataset.annotationId);
      if (!annotation) return;
      mark.title = `${appearance(annotation.type).label} (${annotation.type}): ${annotation.text}`;
    },
    [appearance],
  );

  const readSelection = useCallback(
    (snap: boolean, precise: boolean) => {
      const root = rootRef.current;
      if (!root) return;
      const raw = selectionToOffsets(root, window.getSelection());
      if (!raw) {
        articleViewActions.clearTextSelection();
        return;
      }
      if (!snap) {
        articleViewActions.followTextSelection(raw);
        return;
      }
      const paragraph = article.paragraphs[paragraphIndexAt(article.paragraphs, raw.start)];
      const lastParagraph = article.paragraphs[paragraphIndexAt(article.paragraphs, raw.end)];
      const bounds = snapWindow(article.text, raw, { start: paragraph.start, end: lastParagraph.end });
      const range = precise ? trimRange(article.text, raw) : snapToWords(article.text, raw, bounds);
      if (range.end <= range.start) {
        articleViewActions.clearTextSelection();
        return;
      }
      articleViewActions.selectText(range);
      if (range.start !== raw.start || range.end !== raw.end) selectDomRange(root, range.start, range.end);
    },
    [article],
  );

  useEffect(() => {
    const onSelectionChange = () => {
      const root = rootRef.current;
      const selection = window.getSelection();
      if (!root || !selection) return;
      // Anchor and focus compared, not `isCollapsed`: Chromium lays the page out to answer that,
      // and the chunks just drawn near a jump made it a forced layout of 10-70 ms per change.
      const collapsed = selection.rangeCount === 0 || (selection.anchorNode === selection.focusNode && selection.anchorOffset === selection.focusOffset);
      if (collapsed) articleViewActions.clearTextSelection();
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  const appearanceOf = useCallback((type: string) => appearance(type), [appearance]);
  const chunkElements = useParagraphChunkElements(chunks, { pieces, text: article.text, appearance: appearanceOf }, renderedChunks, highlightedChunks);

  return (
    <div
      className="article-scroller"
      onMouseOver={showTitle}
      onCopy={(event) => copyAcrossFarChunks(event, rootRef.current, pieces)}
      onMouseUp={(event) => readSelection(true, characterPrecision || event.altKey)}
      onKeyUp={(event) => {
        if (event.shiftKey) readSelection(true, true);
      }}
      onClick={(event) => {
        if (event.detail > 1) return;
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed) return;
        // Stacked highlights: the first click selects the innermost, each further click the next one out.
        const stack: string[] = [];
        for (let element = (event.target as HTMLElement).closest<HTMLElement>('[data-annotation-id]'); element; element = element.parentElement?.closest<HTMLElement>('[data-annotation-id]') ?? null) {
          const id = element.dataset.annotationId;
          if (id && !stack.includes(id)) stack.push(id);
        }
        const current = stack.indexOf(useArticleViewStore.getState().selectedAnnotationId ?? '');
        articleViewActions.selectAnnotation(stack.length === 0 ? null : stack[(current + 1) % stack.length]);
        // A click on plain text: the caret the click left shows whether it is on a suggestion.
        if (stack.length === 0 && rootRef.current && selection?.anchorNode) {
          const offset = offsetOfBoundary(rootRef.current, selection.anchorNode, selection.anchorOffset, 'start');
          if (offset === null || !suggestionActions.selectAt(offset)) suggestionActions.select(null);
        }
      }}
    >
      <div ref={rootRef} className="article" data-testid="article" role="region" aria-label={articleLabel} lang={articleLanguage.lang} dir={articleLanguage.dir} tabIndex={0} aria-busy={article.annotationsIncomplete ? true : undefined}>
        {chunkElements}
      </div>
      <RelationOverlay rootRef={rootRef} />
    </div>
  );
}
