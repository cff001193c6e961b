import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DocumentAnnotation } from '../../../shared/model/documentAnnotation';
import { snapToWords, trimRange } from '../../../shared/text/wordSnap';
import { paragraphIndexAt } from '../../../shared/text/paragraphs';
import { selectDomRange } from '../dom/domPosition';
import { selectionToOffsets } from '../dom/selectionOffsets';
import { selectAnnotation } from '../store/actions';
import { useDocumentStore } from '../store/documentStore';
import { useSessionStore, type OpenArticle } from '../store/sessionStore';
import { useTagAppearance } from './useTagAppearance';
import { ParagraphView } from './ParagraphView';

/** Groups annotations by paragraph, reusing the previous arrays where nothing changed. */
function useAnnotationsByParagraph(article: OpenArticle, annotations: readonly DocumentAnnotation[]): DocumentAnnotation[][] {
  const previous = useRef<DocumentAnnotation[][]>([]);
  return useMemo(() => {
    const groups: DocumentAnnotation[][] = article.paragraphs.map(() => []);
    for (const annotation of annotations) {
      const first = paragraphIndexAt(article.paragraphs, annotation.start);
      const last = paragraphIndexAt(article.paragraphs, Math.max(annotation.start, annotation.end - 1));
      for (let index = first; index <= last; index++) groups[index].push(annotation);
    }
    const stable = groups.map((group, index) => {
      const before = previous.current[index];
      return before && before.length === group.length && before.every((item, position) => item === group[position]) ? before : group;
    });
    previous.current = stable;
    return stable;
  }, [article, annotations]);
}

export function ArticleView({ article }: { article: OpenArticle }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const annotations = useDocumentStore((state) => state.annotations);
  const selectedId = useSessionStore((state) => state.selectedAnnotationId);
  const characterPrecision = useSessionStore((state) => state.characterPrecision);
  const appearance = useTagAppearance();
  const groups = useAnnotationsByParagraph(article, annotations);

  const readSelection = useCallback(
    (snap: boolean, precise: boolean) => {
      const root = rootRef.current;
      if (!root) return;
      const raw = selectionToOffsets(root, window.getSelection());
      const set = useSessionStore.getState().set;
      if (!raw) {
        set({ textSelection: null });
        return;
      }
      if (!snap) {
        set({ textSelection: raw });
        return;
      }
      const paragraph = article.paragraphs[paragraphIndexAt(article.paragraphs, raw.start)];
      const lastParagraph = article.paragraphs[paragraphIndexAt(article.paragraphs, raw.end)];
      const bounds = { start: paragraph.start, end: lastParagraph.end };
      const range = precise ? trimRange(article.text, raw) : snapToWords(article.text, raw, bounds);
      if (range.end <= range.start) {
        set({ textSelection: null });
        return;
      }
      set({ textSelection: range, selectedAnnotationId: null });
      if (range.start !== raw.start || range.end !== raw.end) selectDomRange(root, range.start, range.end);
    },
    [article],
  );

  useEffect(() => {
    const onSelectionChange = () => {
      const root = rootRef.current;
      const selection = window.getSelection();
      if (!root || !selection) return;
      if (selection.isCollapsed) useSessionStore.getState().set({ textSelection: null });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  const appearanceOf = useCallback((type: string) => appearance(type), [appearance]);

  return (
    <div
      className="article-scroller"
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
        const current = stack.indexOf(useSessionStore.getState().selectedAnnotationId ?? '');
        selectAnnotation(stack.length === 0 ? null : stack[(current + 1) % stack.length]);
      }}
    >
      <div ref={rootRef} className="article" data-testid="article" lang="fa" tabIndex={0}>
        {article.paragraphs.map((paragraph, index) => {
          const group = groups[index];
          const selectedHere = selectedId !== null && group.some((annotation) => annotation.id === selectedId) ? selectedId : null;
          return <ParagraphView key={paragraph.start} paragraph={paragraph} annotations={group} selectedId={selectedHere} appearance={appearanceOf} />;
        })}
      </div>
    </div>
  );
}
