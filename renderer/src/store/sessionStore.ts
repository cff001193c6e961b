import { create } from 'zustand';
import type { Corpus, TagSetWire } from '../../../shared/corpusWire';
import type { SaveConflict } from '../../../shared/ipc';
import type { UserProblem } from '../../../shared/userProblem';
import type { OffsetConverter } from '../../../shared/text/offsets';
import type { Paragraph } from '../../../shared/text/paragraphs';
import type { UiLanguage } from '../i18n/messages';

/**
 * The open article's save state. `readonly`: its annotation file cannot be used, so nothing is
 * edited; `unwritable`: the file or its folder cannot be written (edits kept, unsaved);
 * `conflict`: another writer changed the same items, and the save waits for the user's choice.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'readonly' | 'unwritable' | 'conflict';

/** An article other than the open one whose edits are held in memory, not yet on disk. */
export interface UnsavedArticleSummary {
  id: string;
  state: 'dirty' | 'error' | 'unwritable' | 'conflict';
  problem: ShownProblem | null;
}

/** A problem as the window keeps it: coded (shown in the user's language) with main's English detail for the tooltip. */
export interface ShownProblem {
  problem: UserProblem;
  detail: string | null;
}

/** Conflicts with another writer, shown to the user to choose per item. */
export interface ConflictPrompt {
  articleId: string;
  conflicts: SaveConflict[];
  /** False once dismissed with Escape: the conflicts wait (unsaved) until reopened from the status bar. */
  open: boolean;
}

/** Closing or switching corpus while edits could not be saved: the user decides. */
export interface LeaveQuestion {
  action: 'close' | 'switch-corpus';
  /** Ids of the articles whose edits would be lost. */
  articles: string[];
}

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

export interface TextSelectionRange {
  start: number;
  end: number;
}

/** Session state: never saved, never undone. */
export interface SessionState {
  corpus: Corpus | null;
  annotator: string;
  language: UiLanguage;
  theme: 'light' | 'dark' | 'system';
  fontSize: number;
  development: boolean;
  article: OpenArticle | null;
  loadingArticleId: string | null;
  loadError: UserProblem | null;
  selectedAnnotationId: string | null;
  hoveredAnnotationId: string | null;
  textSelection: TextSelectionRange | null;
  /** When on, selections are taken character by character instead of snapping to words. */
  characterPrecision: boolean;
  saveState: SaveState;
  saveProblem: ShownProblem | null;
  lastSavedAt: string | null;
  /** A one-line message for the user (e.g. where a broken file was moved). */
  notice: string | null;
  /** Other articles of this corpus whose edits are kept in memory and still being saved. */
  unsavedArticles: UnsavedArticleSummary[];
  conflictPrompt: ConflictPrompt | null;
  leaveQuestion: LeaveQuestion | null;
  /** A brat deletion waiting for confirmation, with the lines it would remove. */
  pendingDelete: { annotationId: string; lines: string[] } | null;
  /** Whether the keyboard shortcut sheet is open. */
  shortcutsOpen: boolean;
  set: (change: Partial<Omit<SessionState, 'set'>>) => void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  corpus: null,
  annotator: '',
  language: 'fa',
  theme: 'system',
  fontSize: 19,
  development: false,
  article: null,
  loadingArticleId: null,
  loadError: null,
  selectedAnnotationId: null,
  hoveredAnnotationId: null,
  textSelection: null,
  characterPrecision: false,
  saveState: 'saved',
  saveProblem: null,
  lastSavedAt: null,
  notice: null,
  unsavedArticles: [],
  conflictPrompt: null,
  leaveQuestion: null,
  pendingDelete: null,
  shortcutsOpen: false,
  // A change that changes nothing notifies nobody: every selection change and save step sets
  // fields here, and each notification runs the selectors of every subscribed component.
  set: (change) => set((state) => (Object.entries(change).every(([key, value]) => Object.is(state[key as keyof SessionState], value)) ? state : change)),
}));

export function tagSetOf(corpus: Corpus | null): TagSetWire | null {
  return corpus?.tagSet ?? null;
}

/** Shows an article's saved status and counts in the corpus list once its save is on disk. */
export function reflectSavedInCorpusList(articleId: string, saved: { status: Corpus['articles'][number]['status']; annotations: readonly { type: string }[] }): void {
  const { corpus, set } = useSessionStore.getState();
  if (!corpus) return;
  const articles = corpus.articles.map((entry) =>
    entry.id === articleId
      ? { ...entry, status: saved.status, annotationCount: saved.annotations.length, tags: [...new Set(saved.annotations.map((annotation) => annotation.type))].sort() }
      : entry,
  );
  set({ corpus: { ...corpus, articles } });
}
