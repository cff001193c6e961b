import { describe, expect, it } from 'vitest';
import { defaultTagSet, resolveTagSet } from './tagSet';
import { hotkeyLabel, hotkeyOfKeyPress } from '../tagset/hotkeys';

describe('resolveTagSet', () => {
  it('gives the default news types Digit1..Digit9 in order, the tenth Digit0', () => {
    const types = defaultTagSet().types;
    expect(types.map((type) => type.id)).toEqual(['PER', 'ORG', 'LOC', 'FAC', 'EVENT', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'MISC']);
    expect(types.slice(0, 9).map((type) => type.hotkey)).toEqual(['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9']);
    expect(types[9].hotkey).toBe('Digit0');
  });

  it('skips digits that a type claimed for itself', () => {
    const tagSet = resolveTagSet('hashiye.json', [{ id: 'A' }, { id: 'B', hotkey: 'Digit1' }, { id: 'C' }, { id: 'D', hotkey: 'KeyQ' }]);
    expect(tagSet.types.map((type) => type.hotkey)).toEqual(['Digit2', 'Digit1', 'Digit3', 'KeyQ']);
  });

  it('fills labels from the id and colours from the palette', () => {
    const [type] = resolveTagSet('hashiye.json', [{ id: 'GPE' }]).types;
    expect(type.label).toEqual({ fa: 'GPE', en: 'GPE' });
    expect(type.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('gives types past the tenth Shift+Digit1.., and none past the twentieth', () => {
    const inputs = Array.from({ length: 22 }, (_, index) => ({ id: `T${index + 1}` }));
    const hotkeys = resolveTagSet('hashiye.json', inputs).types.map((type) => type.hotkey);
    expect(hotkeys.slice(9, 12)).toEqual(['Digit0', 'Shift+Digit1', 'Shift+Digit2']);
    expect(hotkeys[19]).toBe('Shift+Digit0');
    expect(hotkeys.slice(20)).toEqual([null, null]);
  });

  it('names a key press with Shift as a chord', () => {
    expect(hotkeyOfKeyPress({ code: 'Digit1', shiftKey: true })).toBe('Shift+Digit1');
    expect(hotkeyOfKeyPress({ code: 'Digit1', shiftKey: false })).toBe('Digit1');
    expect(hotkeyLabel('Shift+Digit1')).toBe('Shift+1');
  });

  it('shows hotkeys as the key cap', () => {
    expect(hotkeyLabel('Digit7')).toBe('7');
    expect(hotkeyLabel('KeyQ')).toBe('Q');
  });
});
