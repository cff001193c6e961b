import { describe, expect, it } from 'vitest';
import { platformKeys } from './keyLabels';
import { KEYMAP } from './keymap';

describe('shortcut labels per system', () => {
  it('shows ⌘ for Ctrl, ⌥ for Alt and ⇧ for Shift on macOS, in macOS order', () => {
    expect(platformKeys('Ctrl+Z', 'mac')).toBe('⌘Z');
    expect(platformKeys('Ctrl+Shift+Z / Ctrl+Y', 'mac')).toBe('⇧⌘Z / ⌘Y');
    expect(platformKeys('Alt+↓', 'mac')).toBe('⌥↓');
    expect(platformKeys('F1', 'mac')).toBe('F1');
  });

  it('keeps the keys as written on Windows and Linux', () => {
    expect(platformKeys('Ctrl+Shift+Z / Ctrl+Y', 'windows')).toBe('Ctrl+Shift+Z / Ctrl+Y');
    expect(platformKeys('Ctrl+Enter', 'linux')).toBe('Ctrl+Enter');
  });

  it('leaves no Ctrl in the macOS shortcut sheet', () => {
    for (const binding of KEYMAP) expect(platformKeys(binding.keys, 'mac'), binding.keys).not.toMatch(/Ctrl/);
  });
});
