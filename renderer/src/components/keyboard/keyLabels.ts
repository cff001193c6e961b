import type { DesktopPlatform } from '../../../../shared/desktopWire';

/** macOS's modifier symbols, in the order its menus print them (⌃⌥⇧⌘). */
const MAC_MODIFIERS: readonly [RegExp, string][] = [
  [/\bAlt\+/g, '⌥'],
  [/\bShift\+/g, '⇧'],
  [/\bCtrl\+/g, '⌘'],
];

/**
 * A keymap's keys as the user's system names them: on macOS the command key is ⌘ (the keymap
 * takes ⌘ wherever it says Ctrl), Alt is ⌥ and Shift ⇧; elsewhere the keys stay as written.
 */
export function platformKeys(keys: string, platform: DesktopPlatform): string {
  if (platform !== 'mac') return keys;
  return keys
    .split(' / ')
    .map((combination) => {
      const modifiers = MAC_MODIFIERS.filter(([pattern]) => combination.match(pattern)).map(([, symbol]) => symbol).join('');
      return modifiers + MAC_MODIFIERS.reduce((rest, [pattern]) => rest.replace(pattern, ''), combination);
    })
    .join(' / ');
}
