import { useEffect } from 'react';
import { compareReadingOrder } from '../../../../shared/model/annotationOperations';
import { applyTag, deleteSelectedAnnotation, markDoneAndOpenNext, openNeighbourArticle, openNextUnfinished, redo, selectAnnotation, undo } from '../../store/actions';
import { useDocumentStore } from '../../store/documentStore';
import { useCorpusSearchStore } from '../../store/corpusSearchStore';
import { useFindStore } from '../../store/findStore';
import { acceptSuggestion, nextSuggestion, rejectSuggestion, useSuggestionStore } from '../../store/suggestionStore';
import { useSessionStore } from '../../store/sessionStore';
import { revealAnnotation } from '../../dom/revealAnnotation';

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

function articleRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="article"]');
}

function articleHasFocus(): boolean {
  const root = articleRoot();
  return root !== null && root.contains(document.activeElement);
}

function revealAnnotationById(id: string): void {
  const annotation = useDocumentStore.getState().annotations.find((candidate) => candidate.id === id);
  if (annotation) revealAnnotation(annotation, 'nearest');
}

/** Moves the selection to the next or previous annotation in reading order. */
function stepAnnotation(step: 1 | -1): void {
  const annotations = [...useDocumentStore.getState().annotations].sort(compareReadingOrder);
  if (annotations.length === 0) return;
  const { selectedAnnotationId, textSelection } = useSessionStore.getState();
  const index = annotations.findIndex((annotation) => annotation.id === selectedAnnotationId);
  let next: (typeof annotations)[number];
  if (index !== -1) {
    next = annotations[(index + step + annotations.length) % annotations.length];
  } else if (step === 1) {
    const anchor = textSelection?.start ?? -1;
    next = annotations.find((annotation) => annotation.start > anchor) ?? annotations[0];
  } else {
    const anchor = textSelection?.start ?? Number.POSITIVE_INFINITY;
    next = [...annotations].reverse().find((annotation) => annotation.start < anchor) ?? annotations[annotations.length - 1];
  }
  window.getSelection()?.removeAllRanges();
  selectAnnotation(next.id);
  revealAnnotationById(next.id);
}

/** The writing direction around the selected annotation, for arrow keys that follow reading order. */
function directionAtSelection(): 'rtl' | 'ltr' {
  const { selectedAnnotationId } = useSessionStore.getState();
  const element = selectedAnnotationId ? document.querySelector(`[data-annotation-id="${CSS.escape(selectedAnnotationId)}"]`) : null;
  const paragraph = element?.closest('[data-offset]') ?? articleRoot();
  return paragraph && getComputedStyle(paragraph).direction === 'rtl' ? 'rtl' : 'ltr';
}

type SessionState = ReturnType<typeof useSessionStore.getState>;

/** A current suggestion takes Enter (accept), Escape (reject) and the tag keys (accept as that tag); true when the key was its. */
function onSuggestionKey(event: KeyboardEvent, session: SessionState): boolean {
  const suggestion = useSuggestionStore.getState().current;
  if (suggestion !== null && !isTypingTarget(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
    const tag = session.corpus?.tagSet.types.find((type) => type.hotkey === event.code);
    const noTextSelection = !session.textSelection || session.textSelection.end <= session.textSelection.start;
    if (event.code === 'Enter' || event.code === 'NumpadEnter') {
      event.preventDefault();
      acceptSuggestion(suggestion);
      return true;
    }
    if (event.code === 'Escape') {
      event.preventDefault();
      rejectSuggestion(suggestion);
      return true;
    }
    if (tag && noTextSelection) {
      event.preventDefault();
      acceptSuggestion(suggestion, tag.id);
      return true;
    }
  }
  return false;
}

/** Alt+N, Escape, and the shortcuts with Ctrl, Cmd or Alt (not while typing); true when nothing else may take the key. */
function onCommandKey(event: KeyboardEvent, session: SessionState): boolean {
  if (event.altKey && event.code === 'KeyN') {
    event.preventDefault();
    nextSuggestion();
    return true;
  }
  if (event.code === 'Escape') {
    if (session.shortcutsOpen) session.set({ shortcutsOpen: false });
    else {
      window.getSelection()?.removeAllRanges();
      selectAnnotation(null);
    }
    return true;
  }
  if (isTypingTarget(event.target)) return true;
  const command = event.ctrlKey || event.metaKey;
  if (command && event.code === 'KeyZ') {
    event.preventDefault();
    if (event.shiftKey) redo();
    else undo();
    return true;
  }
  if (command && event.shiftKey && event.code === 'KeyF') {
    event.preventDefault();
    useCorpusSearchStore.getState().set({ open: true });
    return true;
  }
  if (command && event.code === 'KeyF') {
    event.preventDefault();
    useFindStore.getState().set({ open: true });
    document.querySelector<HTMLInputElement>('.find-bar input[type="search"]')?.select();
    return true;
  }
  if (command && event.code === 'KeyY') {
    event.preventDefault();
    redo();
    return true;
  }
  if (command && (event.code === 'Enter' || event.code === 'NumpadEnter')) {
    event.preventDefault();
    void markDoneAndOpenNext();
    return true;
  }
  if (event.altKey && event.shiftKey && event.code === 'ArrowDown') {
    event.preventDefault();
    void openNextUnfinished();
    return true;
  }
  if (event.altKey && (event.code === 'ArrowDown' || event.code === 'ArrowUp' || event.code === 'PageDown' || event.code === 'PageUp')) {
    event.preventDefault();
    void openNeighbourArticle(event.code === 'ArrowDown' || event.code === 'PageDown' ? 1 : -1);
    return true;
  }
  return command || event.altKey;
}

/** Keys without a modifier: help, stepping through annotations, extending the selection, delete, tag keys. */
function onPlainKey(event: KeyboardEvent, session: SessionState): void {
  if ((event.code === 'Slash' && event.shiftKey) || event.key === '?' || event.key === '؟' || event.code === 'F1') {
    event.preventDefault();
    session.set({ shortcutsOpen: !session.shortcutsOpen });
    return;
  }
  if (event.code === 'Tab' && articleHasFocus()) {
    event.preventDefault();
    stepAnnotation(event.shiftKey ? -1 : 1);
    return;
  }
  if ((event.code === 'ArrowLeft' || event.code === 'ArrowRight') && articleHasFocus() && !event.shiftKey && session.selectedAnnotationId) {
    // In a right-to-left paragraph the next annotation is to the left.
    event.preventDefault();
    const forward = (event.code === 'ArrowLeft') === (directionAtSelection() === 'rtl');
    stepAnnotation(forward ? 1 : -1);
    return;
  }
  if ((event.code === 'ArrowLeft' || event.code === 'ArrowRight') && event.shiftKey && articleHasFocus()) {
    // Extends the selection visually: Shift+Left moves forward through Persian text.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) {
      event.preventDefault();
      selection.modify('extend', event.code === 'ArrowLeft' ? 'left' : 'right', 'character');
    }
    return;
  }
  if (event.code === 'Delete' || event.code === 'Backspace') {
    if (session.selectedAnnotationId) {
      event.preventDefault();
      void deleteSelectedAnnotation();
    }
    return;
  }
  const tag = session.corpus?.tagSet.types.find((type) => type.hotkey === event.code);
  if (tag) {
    event.preventDefault();
    applyTag(tag.id);
  }
}

/**
 * Shortcuts match `KeyboardEvent.code`, the physical key, so they work under a Persian layout
 * where the number row types ۱۲۳ and Ctrl+Z arrives as Ctrl+ظ.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const session = useSessionStore.getState();
      if (onSuggestionKey(event, session) || onCommandKey(event, session)) return;
      onPlainKey(event, session);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
