import { useEffect } from 'react';
import { compareReadingOrder } from '../../../../shared/model/annotationOperations';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { useWindowStore, windowActions } from '../../store/windowStore';
import { markDoneAndOpenNext, openNeighbourArticle, openNextUnfinished } from '../../store/flows/article';
import { applyTag, deleteSelectedAnnotation, redo, undo } from '../../store/flows/editing';
import { useDocumentStore } from '../../store/documentStore';
import { corpusSearchActions } from '../../store/corpusSearchStore';
import { findActions, useFindStore } from '../../store/findStore';
import { acceptSuggestion, rejectSuggestion } from '../../store/flows/suggestions';
import { suggestionActions, useSuggestionStore } from '../../store/suggestionStore';
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
  const { selectedAnnotationId, textSelection } = useArticleViewStore.getState();
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
  articleViewActions.selectAnnotation(next.id);
  revealAnnotationById(next.id);
}

/** The writing direction around the selected annotation, for arrow keys that follow reading order. */
function directionAtSelection(): 'rtl' | 'ltr' {
  const { selectedAnnotationId } = useArticleViewStore.getState();
  const element = selectedAnnotationId ? document.querySelector(`[data-annotation-id="${CSS.escape(selectedAnnotationId)}"]`) : null;
  const paragraph = element?.closest('[data-offset]') ?? articleRoot();
  return paragraph && getComputedStyle(paragraph).direction === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Shortcuts match `KeyboardEvent.code`, the physical key, so they work under a Persian layout
 * where the number row types ۱۲۳ and Ctrl+Z arrives as Ctrl+ظ.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const view = useArticleViewStore.getState();
      const { corpus } = useCorpusViewStore.getState();
      const suggestion = useSuggestionStore.getState().current;
      if (suggestion !== null && !isTypingTarget(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        // A current suggestion takes Enter (accept), Escape (reject) and the tag keys (accept as that tag).
        const tag = corpus?.tagSet.types.find((type) => type.hotkey === event.code);
        const noTextSelection = !view.textSelection || view.textSelection.end <= view.textSelection.start;
        if (event.code === 'Enter' || event.code === 'NumpadEnter') {
          event.preventDefault();
          acceptSuggestion(suggestion);
          return;
        }
        if (event.code === 'Escape') {
          event.preventDefault();
          rejectSuggestion(suggestion);
          return;
        }
        if (tag && noTextSelection) {
          event.preventDefault();
          acceptSuggestion(suggestion, tag.id);
          return;
        }
      }
      if (event.altKey && event.code === 'KeyN') {
        event.preventDefault();
        suggestionActions.next();
        return;
      }
      if (event.code === 'Escape') {
        const find = useFindStore.getState();
        if (useWindowStore.getState().shortcutsOpen) windowActions.closeShortcuts();
        // The find bar closes from anywhere, not only from its input (#19).
        else if (find.open) findActions.close();
        else {
          window.getSelection()?.removeAllRanges();
          articleViewActions.selectAnnotation(null);
        }
        return;
      }
      if (isTypingTarget(event.target)) return;
      const command = event.ctrlKey || event.metaKey;
      if (command && event.code === 'KeyZ') {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
        return;
      }
      if (command && event.shiftKey && event.code === 'KeyF') {
        event.preventDefault();
        corpusSearchActions.open();
        return;
      }
      if (command && event.code === 'KeyF') {
        event.preventDefault();
        findActions.open();
        document.querySelector<HTMLInputElement>('.find-bar input[type="search"]')?.select();
        return;
      }
      if (command && event.code === 'KeyY') {
        event.preventDefault();
        redo();
        return;
      }
      if (command && (event.code === 'Enter' || event.code === 'NumpadEnter')) {
        event.preventDefault();
        void markDoneAndOpenNext();
        return;
      }
      if (event.altKey && event.shiftKey && event.code === 'ArrowDown') {
        event.preventDefault();
        void openNextUnfinished();
        return;
      }
      if (event.altKey && (event.code === 'ArrowDown' || event.code === 'ArrowUp' || event.code === 'PageDown' || event.code === 'PageUp')) {
        event.preventDefault();
        void openNeighbourArticle(event.code === 'ArrowDown' || event.code === 'PageDown' ? 1 : -1);
        return;
      }
      if (command || event.altKey) return;
      if ((event.code === 'Slash' && event.shiftKey) || event.key === '?' || event.key === '؟' || event.code === 'F1') {
        event.preventDefault();
        windowActions.toggleShortcuts();
        return;
      }
      if (event.code === 'Tab' && articleHasFocus()) {
        event.preventDefault();
        stepAnnotation(event.shiftKey ? -1 : 1);
        return;
      }
      if ((event.code === 'ArrowLeft' || event.code === 'ArrowRight') && articleHasFocus() && !event.shiftKey && view.selectedAnnotationId) {
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
        if (view.selectedAnnotationId) {
          event.preventDefault();
          void deleteSelectedAnnotation();
        }
        return;
      }
      const tag = corpus?.tagSet.types.find((type) => type.hotkey === event.code);
      if (tag) {
        event.preventDefault();
        applyTag(tag.id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
