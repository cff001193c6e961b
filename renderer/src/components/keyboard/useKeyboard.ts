import { useEffect } from 'react';
import { clearKeyHint } from '../../store/window/keyHintStore';
import { KEYMAP } from './keymap';

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

/**
 * Dispatches key presses through the keymap (keymap.ts), the same list the shortcut sheet shows.
 * Shortcuts match `KeyboardEvent.code`, the physical key, so they work under a Persian layout
 * where the number row types ۱۲۳ and Ctrl+Z arrives as Ctrl+ظ. Keys typed inside a modal
 * dialog never arrive here (ModalDialog keeps them).
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const typing = isTypingTarget(event.target);
      for (const binding of KEYMAP) {
        if (!binding.matches || !binding.run || (typing && !binding.whileTyping) || !binding.matches(event)) continue;
        clearKeyHint();
        if (binding.run(event) !== 'pass') event.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
