import { hotkeyLabel } from '../../../../shared/tagset/hotkeys';
import { useMessages } from '../../i18n/useMessages';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useWindowStore, windowActions } from '../../store/window/windowStore';
import { KEYMAP } from './keymap';
import { platformKeys } from './keyLabels';
import { useDesktopStore } from '../../store/window/desktopStore';
import { ModalDialog } from '../app/ModalDialog';

/**
 * The shortcut sheet (? or F1), drawn from the keymap the keyboard handler dispatches through,
 * and the tag set's own keys. Two columns when the window is wide enough: it fits a 700 px high
 * window without scrolling.
 */
export function ShortcutSheet() {
  const open = useWindowStore((state) => state.shortcutsOpen);
  const language = usePreferencesStore((state) => state.language);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const platform = useDesktopStore((state) => state.platform);
  const t = useMessages();
  if (!open) return null;
  const close = () => windowActions.closeShortcuts();
  return (
    <ModalDialog className="sheet shortcut-sheet" label={t('shortcuts')} onEscape={close} closeOnBackdrop testId="shortcut-sheet">
      <h2>{t('shortcuts')}</h2>
      <div className="shortcut-columns">
        {KEYMAP.map((binding) => (
          <div className="shortcut-row" key={binding.keys} data-testid="shortcut-row">
            <kbd dir="ltr">{platformKeys(binding.keys, platform)}</kbd>
            <span>{t(binding.description)}</span>
          </div>
        ))}
      </div>
      <h3>{t('keyTagsHeading')}</h3>
      <div className="shortcut-columns tag-keys">
        {(tagSet?.types ?? [])
          .filter((type) => type.hotkey)
          .map((type) => (
            <div className="shortcut-row" key={type.id} data-testid="shortcut-row">
              <kbd dir="ltr">{platformKeys(hotkeyLabel(type.hotkey ?? ''), platform)}</kbd>
              <span>
                {type.label[language]} <bdi dir="ltr">({type.id})</bdi>
              </span>
            </div>
          ))}
      </div>
      <button type="button" onClick={close}>
        {t('close')}
      </button>
    </ModalDialog>
  );
}
