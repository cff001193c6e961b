import { markSelectionAsZone } from '../../store/flows/judgments/zoning';
import { compareReadingOrder } from '../../../../shared/model/annotationOperations';
import { hotkeyOfKeyPress } from '../../../../shared/tagset/hotkeys';
import type { MessageKey } from '../../i18n/messages';
import { markDoneAndOpenNext, openNeighbourArticle, openNextUnfinished } from '../../store/flows/article';
import { applyTag, deleteSelectedAnnotation, redo, undo } from '../../store/flows/editing';
import { pickLinkTarget, startLinking } from '../../store/flows/relations';
import { openEntityPicker } from '../../store/entities/entityFlows';
import { relationDraftActions, useRelationDraftStore } from '../../store/relationDraftStore';
import { acceptSuggestion, acceptSuggestions, rejectSuggestion, rejectSuggestions } from '../../store/flows/suggestions';
import { corpusSearchActions } from '../../store/corpusSearchStore';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { windowActions } from '../../store/window/windowStore';
import { useDocumentStore } from '../../store/documentStore';
import { findActions, useFindStore } from '../../store/findStore';
import { sayWhyKeyDidNothing } from '../../store/window/keyHintStore';
import { suggestionActions, useSuggestionStore } from '../../store/suggestionStore';
import { revealAnnotation } from '../../dom/revealAnnotation';
import { selectDomRange } from '../../dom/domPosition';
import { paragraphIndexAt } from '../../../../shared/text/paragraphs';
import { addFragmentByKey, removeFragmentByKey } from './fragmentKeys';
import { focusNextPane } from './paneFocus';
import { stepSelection } from './selectionSteps';
import { isDocumentLabelKey, labelWithKey } from '../../store/flows/judgments/judging';

/** What a binding's action did: `pass` leaves the key to the browser (Tab out of the article). */
type Outcome = 'done' | 'pass';

/**
 * One shortcut: the keys the sheet shows, what it does (a catalog key), and, for keys this
 * module handles, when it fires and what it runs. The shortcut sheet is drawn from this list,
 * so a key cannot work without being listed, or be listed without working.
 */
export interface KeyBinding {
  keys: string;
  description: MessageKey;
  /** Also fires while the user types in a field (Escape, F6, Alt+N). */
  whileTyping?: boolean;
  matches?: (event: KeyboardEvent) => boolean;
  run?: (event: KeyboardEvent) => Outcome | void;
}

const command = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;

function articleRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="article"]');
}

function articleHasFocus(): boolean {
  const root = articleRoot();
  return root !== null && root.contains(document.activeElement);
}

function hasTextSelection(): boolean {
  const selection = useArticleViewStore.getState().textSelection;
  return selection !== null && selection.end > selection.start;
}

function tagForKey(event: KeyboardEvent) {
  const hotkey = hotkeyOfKeyPress(event);
  return useCorpusViewStore.getState().corpus?.tagSet.types.find((type) => type.hotkey === hotkey) ?? null;
}

/** Moves the selection to the next or previous annotation in reading order; false past either end. */
function stepAnnotation(step: 1 | -1, wrap: boolean): boolean {
  const annotations = [...useDocumentStore.getState().annotations].sort(compareReadingOrder);
  if (annotations.length === 0) return false;
  const { selectedAnnotationId, textSelection } = useArticleViewStore.getState();
  const index = annotations.findIndex((annotation) => annotation.id === selectedAnnotationId);
  let next: (typeof annotations)[number] | undefined;
  if (index !== -1) {
    const target = index + step;
    next = wrap ? annotations[(target + annotations.length) % annotations.length] : annotations[target];
  } else if (step === 1) {
    const anchor = textSelection?.start ?? -1;
    next = annotations.find((annotation) => annotation.start > anchor) ?? (wrap ? annotations[0] : undefined);
  } else {
    const anchor = textSelection?.start ?? Number.POSITIVE_INFINITY;
    next = [...annotations].reverse().find((annotation) => annotation.start < anchor) ?? (wrap ? annotations[annotations.length - 1] : undefined);
  }
  if (!next) return false;
  window.getSelection()?.removeAllRanges();
  articleViewActions.selectAnnotation(next.id);
  revealAnnotation(next, 'nearest');
  return true;
}

/** The writing direction at the selection (an annotation's or the text's), for arrows that follow reading order. */
function directionAtSelection(): 'rtl' | 'ltr' {
  const { selectedAnnotationId } = useArticleViewStore.getState();
  const element = selectedAnnotationId ? document.querySelector(`[data-annotation-id="${CSS.escape(selectedAnnotationId)}"]`) : null;
  const anchor = element ?? window.getSelection()?.focusNode?.parentElement ?? null;
  const paragraph = anchor?.closest('[data-offset]') ?? articleRoot();
  return paragraph && getComputedStyle(paragraph).direction === 'rtl' ? 'rtl' : 'ltr';
}

/** Shift+Arrow: the selection grows or shrinks in reading order (selectionSteps), by words unless character precision is on. */
function extendSelection(event: KeyboardEvent): void {
  const session = useArticleViewStore.getState();
  const range = session.textSelection;
  const article = session.article;
  const root = articleRoot();
  if (!range || range.end <= range.start || !article || !root) {
    sayWhyKeyDidNothing('hintNoSelectionToExtend');
    return;
  }
  const forward = (event.code === 'ArrowLeft') === (directionAtSelection() === 'rtl');
  const paragraph = article.paragraphs[paragraphIndexAt(article.paragraphs, range.start)];
  const next = stepSelection(article.text, range, forward, session.characterPrecision, { start: paragraph.start, end: paragraph.end });
  if (!next) return;
  selectDomRange(root, next.start, next.end);
  articleViewActions.selectText(next);
}

function tagWithKey(event: KeyboardEvent): void {
  const session = useArticleViewStore.getState();
  const tag = tagForKey(event);
  if (!tag) return;
  if (!session.article) sayWhyKeyDidNothing('hintNoArticle');
  else if (session.article.problem) sayWhyKeyDidNothing('hintReadOnly');
  // (#17) Shown from its first page of annotations, the rest still coming: not editable yet.
  else if (session.article.annotationsIncomplete) sayWhyKeyDidNothing('hintStillLoading');
  else if (!hasTextSelection() && !session.selectedAnnotationId) sayWhyKeyDidNothing('hintNothingToTag');
  else applyTag(tag.id);
}

function closeFindOrClearSelection(): void {
  // Escape in the selected annotation's note: back to the article, the annotation still selected (the note is kept on leaving the field).
  if (document.activeElement instanceof HTMLElement && document.activeElement.closest('.annotation-details')) {
    articleRoot()?.focus();
    return;
  }
  if (useFindStore.getState().open) {
    findActions.close();
    if (document.activeElement instanceof HTMLElement && document.activeElement.closest('.find-bar')) articleRoot()?.focus();
    return;
  }
  window.getSelection()?.removeAllRanges();
  articleViewActions.selectAnnotation(null);
}

const undoOrSay = () => (useDocumentStore.temporal.getState().pastStates.length > 0 ? undo() : sayWhyKeyDidNothing('hintNothingToUndo'));
const redoOrSay = () => (useDocumentStore.temporal.getState().futureStates.length > 0 ? redo() : sayWhyKeyDidNothing('hintNothingToRedo'));

/** The keymap, in the order keys are tried. */
export const KEYMAP: readonly KeyBinding[] = [
  {
    // While linking (after R): Enter takes the selected annotation as the other end, Esc cancels (#20).
    keys: 'R → Enter / Esc',
    description: 'keyLink',
    matches: (event) => plain(event) && useRelationDraftStore.getState().draft?.stage === 'picking' && (event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'Escape'),
    run: (event) => (event.code === 'Escape' ? relationDraftActions.cancel() : pickLinkTarget(useArticleViewStore.getState().selectedAnnotationId)),
  },
  {
    // (#24) Before Enter / Esc below, which would take a Shift+Enter too.
    keys: 'Shift+Enter / Shift+Esc',
    description: 'keyAcceptSuggestionType',
    matches: (event) => plain(event) && event.shiftKey && useSuggestionStore.getState().current !== null && (event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'Escape'),
    run: (event) => void (event.code === 'Escape' ? rejectSuggestions('type') : acceptSuggestions('type')),
  },
  {
    keys: 'Alt+Shift+Enter',
    description: 'keyAcceptAllSuggestions',
    matches: (event) => event.altKey && event.shiftKey && !command(event) && (event.code === 'Enter' || event.code === 'NumpadEnter'),
    run: () => {
      if (acceptSuggestions('all') === 0) sayWhyKeyDidNothing('hintNoSuggestions');
    },
  },
  {
    keys: 'Alt+Shift+Backspace',
    description: 'keyRejectAllSuggestions',
    matches: (event) => event.altKey && event.shiftKey && !command(event) && (event.code === 'Backspace' || event.code === 'Delete'),
    run: () => {
      if (rejectSuggestions('all') === 0) sayWhyKeyDidNothing('hintNoSuggestions');
    },
  },
  {
    keys: 'Enter / Esc',
    description: 'keyAcceptSuggestion',
    // A current suggestion takes Enter (accept), Escape (reject) and the tag keys (accept as that tag).
    matches: (event) => plain(event) && useSuggestionStore.getState().current !== null && (event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'Escape' || (tagForKey(event) !== null && !hasTextSelection())),
    run: (event) => {
      const suggestion = useSuggestionStore.getState().current;
      if (suggestion === null) return;
      if (event.code === 'Escape') rejectSuggestion(suggestion);
      else if (event.code === 'Enter' || event.code === 'NumpadEnter') acceptSuggestion(suggestion);
      else acceptSuggestion(suggestion, tagForKey(event)?.id);
    },
  },
  {
    keys: 'Alt+N',
    description: 'keyNextSuggestion',
    whileTyping: true,
    matches: (event) => event.altKey && event.code === 'KeyN',
    run: () => {
      if (suggestionActions.next() === null) sayWhyKeyDidNothing('hintNoSuggestions');
    },
  },
  { keys: 'Esc', description: 'keyEscape', whileTyping: true, matches: (event) => event.code === 'Escape', run: closeFindOrClearSelection },
  { keys: 'F6 / Shift+F6', description: 'keyPanes', whileTyping: true, matches: (event) => event.code === 'F6' && !command(event) && !event.altKey, run: (event) => focusNextPane(event.shiftKey ? -1 : 1) },
  { keys: 'Ctrl+Z', description: 'keyUndo', matches: (event) => command(event) && !event.shiftKey && event.code === 'KeyZ', run: undoOrSay },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', description: 'keyRedo', matches: (event) => command(event) && ((event.shiftKey && event.code === 'KeyZ') || event.code === 'KeyY'), run: redoOrSay },
  { keys: 'Ctrl+F', description: 'keyFind', matches: (event) => command(event) && !event.shiftKey && event.code === 'KeyF', run: openFindBar },
  { keys: 'Ctrl+Shift+F', description: 'keyCorpusSearch', matches: (event) => command(event) && event.shiftKey && event.code === 'KeyF', run: () => corpusSearchActions.open() },
  // Handled by the lead view itself (LeadPanel), listed here so the sheet shows it.
  { keys: 'Ctrl+Shift+L', description: 'keyLead' },
  { keys: 'Ctrl+Enter', description: 'keyMarkDone', matches: (event) => command(event) && (event.code === 'Enter' || event.code === 'NumpadEnter'), run: () => void markDoneAndOpenNext() },
  { keys: 'Alt+Shift+↓', description: 'keyNextUnfinished', matches: (event) => event.altKey && event.shiftKey && event.code === 'ArrowDown', run: () => void openNextUnfinished() },
  {
    keys: 'Alt+↓ / Alt+↑',
    description: 'keyNeighbour',
    matches: (event) => event.altKey && !event.shiftKey && ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'].includes(event.code),
    run: (event) => void openNeighbourArticle(event.code === 'ArrowDown' || event.code === 'PageDown' ? 1 : -1),
  },
  { keys: '? / F1', description: 'keySheet', matches: (event) => plain(event) && ((event.code === 'Slash' && event.shiftKey) || event.key === '?' || event.key === '؟' || event.code === 'F1'), run: toggleSheet },
  {
    keys: 'Tab / Shift+Tab',
    description: 'keyTab',
    matches: (event) => plain(event) && event.code === 'Tab' && articleHasFocus(),
    // Past the last (or before the first) annotation the key is the browser's again: focus leaves the article.
    run: (event) => (stepAnnotation(event.shiftKey ? -1 : 1, false) ? 'done' : 'pass'),
  },
  {
    keys: '← / →',
    description: 'keyArrows',
    matches: (event) => plain(event) && !event.shiftKey && (event.code === 'ArrowLeft' || event.code === 'ArrowRight') && articleHasFocus() && useArticleViewStore.getState().selectedAnnotationId !== null,
    // In a right-to-left paragraph the next annotation is to the left.
    run: (event) => void stepAnnotation((event.code === 'ArrowLeft') === (directionAtSelection() === 'rtl') ? 1 : -1, true),
  },
  { keys: 'Shift+← / Shift+→', description: 'keyShiftArrows', matches: (event) => plain(event) && event.shiftKey && (event.code === 'ArrowLeft' || event.code === 'ArrowRight') && articleHasFocus(), run: extendSelection },
  { keys: 'Alt+drag', description: 'keyAltDrag' },
  {
    keys: 'Enter',
    description: 'keyEditNote',
    matches: (event) => plain(event) && !event.shiftKey && event.code === 'Enter' && articleHasFocus() && useArticleViewStore.getState().selectedAnnotationId !== null,
    run: () => {
      const field = document.querySelector<HTMLElement>('.annotation-details textarea');
      if (field) field.focus();
      else sayWhyKeyDidNothing('hintPaneHidden');
    },
  },
  {
    keys: 'Delete',
    description: 'keyDelete',
    matches: (event) => plain(event) && (event.code === 'Delete' || event.code === 'Backspace'),
    run: () => (useArticleViewStore.getState().selectedAnnotationId ? void deleteSelectedAnnotation() : sayWhyKeyDidNothing('hintNothingToDelete')),
  },
  // (#21) A headline glued to the body is split by selecting it and marking it as a headline zone.
  { keys: 'Alt+H', description: 'keyMarkHeadline', matches: (event) => event.altKey && !event.shiftKey && !command(event) && event.code === 'KeyH', run: () => (markSelectionAsZone('headline') ? undefined : sayWhyKeyDidNothing('hintSelectHeadline')) },
  // (#21) Alt+Digit belongs to document-label values (DESIGN.md, fixed); works while typing in the panel's text field too.
  { keys: 'Alt+1…9, 0, Alt+Shift+1…', description: 'keyDocumentLabel', whileTyping: true, matches: isDocumentLabelKey, run: labelWithKey },
  // R links the selected annotation, unless the tag set gave R to a tag (then the tag wins, as its hotkey says).
  { keys: 'R', description: 'keyLink', matches: (event) => plain(event) && !event.shiftKey && event.code === 'KeyR' && tagForKey(event) === null, run: startLinking },
  // (#24) L links the selected annotation to an entity, unless the tag set gave L to a tag.
  {
    keys: 'L',
    description: 'keyEntityLink',
    matches: (event) => plain(event) && !event.shiftKey && event.code === 'KeyL' && tagForKey(event) === null,
    run: () => (useArticleViewStore.getState().selectedAnnotationId ? openEntityPicker() : sayWhyKeyDidNothing('hintNothingToLinkToEntity')),
  },
  { keys: 'Ctrl+drag', description: 'keyCtrlDrag' },
  // G / Shift+G: fragments by keyboard (#20), unless the tag set gave G to a tag.
  { keys: 'G', description: 'keyAddFragment', matches: (event) => plain(event) && !event.shiftKey && event.code === 'KeyG' && tagForKey(event) === null, run: addFragmentByKey },
  { keys: 'Shift+G', description: 'keyRemoveFragment', matches: (event) => plain(event) && event.shiftKey && event.code === 'KeyG' && tagForKey(event) === null, run: removeFragmentByKey },
  { keys: '1…9, 0, Shift+1…', description: 'keyTag', matches: (event) => plain(event) && tagForKey(event) !== null, run: tagWithKey },
];

function openFindBar(): void {
  findActions.open();
  document.querySelector<HTMLInputElement>('.find-bar input[type="search"]')?.select();
}

function toggleSheet(): void {
  windowActions.toggleShortcuts();
}
