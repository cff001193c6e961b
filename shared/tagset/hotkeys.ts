/**
 * Hotkeys as the tag set stores them: a key's `code`, `Shift+` before it when Shift is held
 * (model/tagSet.ts checks them with HotkeyCodeSchema). Zod-free: (#25) the window's keyboard and
 * palettes use these without building the tag set's schemas.
 */

/** The keys a hotkey shows on screen (Digit3 → "3", KeyQ → "Q", Shift+Digit1 → "Shift+1"). */
export function hotkeyLabel(code: string): string {
  return code
    .split('+')
    .map((part) => part.replace(/^Digit/, '').replace(/^Key/, ''))
    .join('+');
}

/** The hotkey a key press names: its `code`, with `Shift+` before it while Shift is held. */
export function hotkeyOfKeyPress(event: { code: string; shiftKey: boolean }): string {
  return event.shiftKey ? `Shift+${event.code}` : event.code;
}
