import { create } from 'zustand';
import type { Corpus, TagSetWire } from '../../../shared/ipc';
import type { OffsetConverter } from '../../../shared/text/offsets';
import type { Paragraph } from '../../../shared/text/paragraphs';
import type { UiLanguage } from '../i18n/messages';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'readonly';

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
  paragraphs: Paragraph[];
  converter: OffsetConverter;
  /** Set when the annotation file cannot be used: the article is then read-only. */
  problem: { kind: string; message: string } | null;
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
  loadError: string | null;
  selectedAnnotationId: string | null;
  hoveredAnnotationId: string | null;
  textSelection: TextSelectionRange | null;
  /** When on, selections are taken character by character instead of snapping to words. */
  characterPrecision: boolean;
  saveState: SaveState;
  saveMessage: string | null;
  lastSavedAt: string | null;
  /** A one-line message for the user (e.g. where a broken file was moved). */
  notice: string | null;
  /** The annotation file was changed by another program while edits were unsaved: ask what to keep. */
  externalChange: boolean;
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
  saveMessage: null,
  lastSavedAt: null,
  notice: null,
  externalChange: false,
  pendingDelete: null,
  shortcutsOpen: false,
  // A change that changes nothing notifies nobody: every selection change and save step sets
  // fields here, and each notification runs the selectors of every subscribed component.
  set: (change) => set((state) => (Object.entries(change).every(([key, value]) => Object.is(state[key as keyof SessionState], value)) ? state : change)),
}));

export function tagSetOf(corpus: Corpus | null): TagSetWire | null {
  return corpus?.tagSet ?? null;
}
