import { useEffect } from 'react';
import { applyTag, deleteSelectedAnnotation, openNeighbourArticle, redo, selectAnnotation, undo } from '../store/actions';
import { useSessionStore } from '../store/sessionStore';

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

/**
 * Shortcuts match `KeyboardEvent.code`, the physical key, so they work under a Persian layout
 * where the number row types ۱۲۳ and Ctrl+Z arrives as Ctrl+ظ.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) && event.code !== 'Escape') return;
      const command = event.ctrlKey || event.metaKey;
      if (command && event.code === 'KeyZ') {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
        return;
      }
      if (command && event.code === 'KeyY') {
        event.preventDefault();
        redo();
        return;
      }
      if (event.altKey && (event.code === 'ArrowDown' || event.code === 'ArrowUp')) {
        event.preventDefault();
        void openNeighbourArticle(event.code === 'ArrowDown' ? 1 : -1);
        return;
      }
      if (command || event.altKey) return;
      if (event.code === 'Delete' || event.code === 'Backspace') {
        if (useSessionStore.getState().selectedAnnotationId) {
          event.preventDefault();
          deleteSelectedAnnotation();
        }
        return;
      }
      if (event.code === 'Escape') {
        window.getSelection()?.removeAllRanges();
        selectAnnotation(null);
        return;
      }
      const tag = useSessionStore.getState().corpus?.tagSet.types.find((type) => type.hotkey === event.code);
      if (tag) {
        event.preventDefault();
        applyTag(tag.id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
