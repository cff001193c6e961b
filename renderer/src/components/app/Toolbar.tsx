import { useStore } from 'zustand';
import { useMessages } from '../../i18n/useMessages';
import { openFolderDialog } from '../../store/flows/corpus';
import { redo, undo } from '../../store/flows/editing';
import { setPreferences } from '../../store/flows/preferences';
import { DisplayControls } from '../article/DisplayControls';
import { corpusSearchActions } from '../../store/corpusSearchStore';
import { useDocumentStore } from '../../store/documentStore';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { LeadToolbarButtons } from '../lead/LeadToolbarButtons';
import { ExportButton, ImportButton } from '../transfer/ToolbarTransferButtons';

export function Toolbar() {
  const t = useMessages();
  const canUndo = useStore(useDocumentStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (state) => state.futureStates.length > 0);
  const language = usePreferencesStore((state) => state.language);
  const characterPrecision = useArticleViewStore((state) => state.characterPrecision);
  return (
    <header className="toolbar">
      <strong className="brand">{t('appName')}</strong>
      <button type="button" onClick={() => void openFolderDialog()}>
        {t('openFolder')}
      </button>
      <ImportButton />
      <ExportButton />
      <button type="button" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
        {t('undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z">
        {t('redo')}
      </button>
      <label className="toggle">
        <input type="checkbox" checked={characterPrecision} onChange={(event) => articleViewActions.setCharacterPrecision(event.target.checked)} />
        {language === 'fa' ? 'دقت نویسه‌ای' : 'Character precision'}
      </label>
      <button type="button" title="Ctrl+Shift+F" onClick={() => corpusSearchActions.open()}>
        {language === 'fa' ? 'جست‌وجو در پیکره' : 'Search corpus'}
      </button>
      <LeadToolbarButtons />
      <span className="spacer" />
      <DisplayControls />
      <button type="button" onClick={() => setPreferences({ language: language === 'fa' ? 'en' : 'fa' })}>
        {t('language')}
      </button>
    </header>
  );
}
