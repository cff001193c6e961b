import { create } from 'zustand';
import type { UserProblem } from '../../../shared/userProblem';
import type { OffsetConverter } from '../../../shared/anchoring/offsets';
import type { Paragraph } from '../../../shared/text/paragraphs';
import { patchState } from './patchState';
import type { Utf16Range } from '../../../shared/anchoring/offsetUnits';

export interface OpenArticle {
  id: string;
  name: string;
  text: string;
  sha256: string;
  encoding: string;
  encodingGuessed: boolean;
  /** Bytes the encoding could not read, each invalid sequence shown as U+FFFD (absent: none). */
  invalidBytes?: number;
  /** True when the encoding was chosen in the article header rather than detected. */
  encodingChosen?: boolean;
  /** The encoding the annotation file records, when it was not used (the article changed since, or it is unknown). */
  encodingRecordIgnored?: { encoding: string; reason: 'article-changed' | 'unknown-encoding' };
  paragraphs: Paragraph[];
  converter: OffsetConverter;
  /**
   * (#17) Set while only the first page of a long annotation list is shown, the rest still
   * coming: the article is not editable (canEditArticle) until the list is whole.
   */
  annotationsIncomplete?: true;
  /** Set when the annotation file cannot be used: the article is then read-only. */
  problem: { kind: string; message: string; userProblems?: UserProblem[] } | null;
  /** Annotations that could not be placed again after the article changed; kept in the file, shown apart. */
  orphans: OrphanView[];
  /** What moved when the article had changed on disk since it was annotated. */
  reanchored: { moved: number; fuzzy: number; orphaned: number } | null;
}

export interface OrphanView {
  id: string;
  type: string;
  text: string;
  quote?: { prefix: string; suffix: string };
}

/** A range of the open article's text, in UTF-16 code units. */
/** The selected text in UTF-16 units of the article text (the DOM's unit). */
export type TextSelectionRange = Utf16Range;

/** A brat deletion waiting for confirmation, with the lines it would remove. */
export interface PendingDelete {
  annotationId: string;
  lines: string[];
}

/** (#21) A tag asked for on a selection that touches boilerplate, waiting for the analyst's answer. */
export interface PendingBoilerplateTag {
  type: string;
  range: TextSelectionRange;
}

/**
 * The article pane's view state: the open article's text (read-only here), what is being
 * loaded, and what is selected. Never saved, never undone: the annotations themselves are in
 * documentStore.ts.
 */
export interface ArticleViewState {
  article: OpenArticle | null;
  loadingArticleId: string | null;
  loadError: UserProblem | null;
  selectedAnnotationId: string | null;
  textSelection: TextSelectionRange | null;
  /** When on, selections are taken character by character instead of snapping to words. */
  characterPrecision: boolean;
  pendingDelete: PendingDelete | null;
  pendingBoilerplateTag: PendingBoilerplateTag | null;
}

export const useArticleViewStore = create<ArticleViewState>()(() => ({
  article: null,
  loadingArticleId: null,
  loadError: null,
  selectedAnnotationId: null,
  textSelection: null,
  characterPrecision: false,
  pendingDelete: null,
  pendingBoilerplateTag: null,
}));

function patch(change: Partial<ArticleViewState>): void {
  patchState(useArticleViewStore, change);
}

export const articleViewActions = {
  /** Another corpus: no article open, nothing selected. */
  closeArticle(): void {
    patch({ article: null, selectedAnnotationId: null, textSelection: null, loadError: null, pendingDelete: null, pendingBoilerplateTag: null });
  },
  startLoading(articleId: string): void {
    patch({ loadingArticleId: articleId, loadError: null });
  },
  /** The article is read and shown, with nothing selected. */
  showArticle(article: OpenArticle): void {
    patch({ article, loadingArticleId: null, selectedAnnotationId: null, textSelection: null, pendingDelete: null, pendingBoilerplateTag: null });
  },
  /** (#17) The article shown while its annotations are still loading: nothing selected, the load goes on. */
  showArticleWhileLoading(article: OpenArticle): void {
    patch({ article, selectedAnnotationId: null, textSelection: null, pendingDelete: null, pendingBoilerplateTag: null });
  },
  /**
   * (#17) The article shown while loading, now with all its annotations: what the user selected
   * meanwhile stays, and so does the load of another article clicked meanwhile.
   */
  finishLoading(article: OpenArticle): void {
    const { loadingArticleId } = useArticleViewStore.getState();
    patch({ article, loadingArticleId: loadingArticleId === article.id ? null : loadingArticleId });
  },
  failLoading(problem: UserProblem): void {
    patch({ loadingArticleId: null, loadError: problem });
  },
  /** A failure of a corpus-wide step (opening a folder, moving a file aside), shown where load errors are. */
  showError(problem: UserProblem): void {
    patch({ loadError: problem });
  },
  /** Selects an annotation (or none); a text selection gives way. */
  selectAnnotation(id: string | null): void {
    patch({ selectedAnnotationId: id, textSelection: null });
  },
  /** Selects an annotation made from a suggestion; a text selection, if any, is left as it is. */
  selectAnnotationOnly(id: string): void {
    patch({ selectedAnnotationId: id });
  },
  /** Selects a range of text to tag (a find hit, a snapped mouse selection); the selected annotation gives way. */
  selectText(range: TextSelectionRange): void {
    patch({ textSelection: range, selectedAnnotationId: null });
  },
  /** The browser's selection as it is while the mouse still moves (or none): the selected annotation stays. */
  followTextSelection(range: TextSelectionRange | null): void {
    patch({ textSelection: range });
  },
  clearTextSelection(): void {
    patch({ textSelection: null });
  },
  setCharacterPrecision(on: boolean): void {
    patch({ characterPrecision: on });
  },
  askToDelete(pending: PendingDelete): void {
    patch({ pendingDelete: pending });
  },
  cancelDelete(): void {
    patch({ pendingDelete: null });
  },
  askToTagInBoilerplate(pending: PendingBoilerplateTag): void {
    patch({ pendingBoilerplateTag: pending });
  },
  /** Answered (either way): the question closes. */
  answerBoilerplateTag(): void {
    patch({ pendingBoilerplateTag: null });
  },
  /** The annotation was deleted: nothing is selected, nothing waits for confirmation. */
  deleted(): void {
    patch({ selectedAnnotationId: null, pendingDelete: null });
  },
};

/** Whether the open article's annotations can be edited (an article is open, its file is usable and all its annotations are in). */
export function canEditArticle(): boolean {
  const { article } = useArticleViewStore.getState();
  return article !== null && article.problem === null && article.annotationsIncomplete !== true;
}
