import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useMessages } from '../../i18n/useMessages';
import { useCatalog } from '../../i18n/useCatalog';
import { appCatalog } from '../../i18n/catalog/app';
import { openFolderDialog } from '../../store/flows/corpus';
import { redo, undo } from '../../store/flows/editing';
import { setPreferences } from '../../store/flows/preferences';
import { DisplayControls } from '../article/DisplayControls';
import { corpusSearchActions } from '../../store/corpusSearchStore';
import { useDocumentStore } from '../../store/documentStore';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { usePaneLayoutStore } from '../../store/window/paneLayoutStore';
import { LeadToolbarButtons } from '../lead/LeadToolbarButtons';
import { ExportButton, ImportButton } from '../transfer/ToolbarTransferButtons';
import { useToolbarFits } from './useToolbarFits';
import { ToolbarIcon, type ToolbarIconName } from './ToolbarIcon';

/** A command shown as a word when the toolbar has room, as an icon with the word as its name and tooltip when not. */
function ToolbarCommand({ icon, label, shortcut, compact, onClick, disabled }: { icon: ToolbarIconName; label: string; shortcut?: string; compact: boolean; onClick: () => void; disabled?: boolean }) {
  const words = useCatalog(appCatalog);
  const tooltip = shortcut ? words('commandTooltip', { command: label, keys: shortcut }) : label;
  return (
    <button type="button" onClick={onClick} disabled={disabled} title={tooltip} aria-label={compact ? label : undefined} className={compact ? 'icon-button' : undefined}>
      {compact ? <ToolbarIcon name={icon} /> : label}
    </button>
  );
}

/** The "more" menu of a compact toolbar: the commands the narrow window has no room for. */
function OverflowMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
  return (
    <div
      className="toolbar-overflow"
      ref={menu}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          menu.current?.querySelector<HTMLButtonElement>('.toolbar-more')?.focus();
        }
      }}
    >
      <button type="button" className="icon-button toolbar-more" aria-haspopup="true" aria-expanded={open} aria-label={label} title={label} data-testid="toolbar-more" onClick={() => setOpen(!open)}>
        <ToolbarIcon name="more" />
      </button>
      {open ? (
        <div className="toolbar-menu" role="group" aria-label={label}>
          {children}
        </div>
      ) : null}
    </div>
  );
}

export function Toolbar() {
  const t = useMessages();
  const words = useCatalog(appCatalog);
  const canUndo = useStore(useDocumentStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (state) => state.futureStates.length > 0);
  const language = usePreferencesStore((state) => state.language);
  const characterPrecision = useArticleViewStore((state) => state.characterPrecision);
  const corpusCollapsed = usePaneLayoutStore((state) => state.corpusCollapsed);
  const sideCollapsed = usePaneLayoutStore((state) => state.sideCollapsed);
  const toolbar = useRef<HTMLElement>(null);
  const compact = !useToolbarFits(toolbar, language);
  const fa = language === 'fa';

  const secondary = (
    <>
      <ImportButton />
      <ExportButton />
      <label className="toggle">
        <input type="checkbox" checked={characterPrecision} onChange={(event) => articleViewActions.setCharacterPrecision(event.target.checked)} />
        {words('characterPrecision')}
      </label>
      <LeadToolbarButtons />
      <DisplayControls />
    </>
  );
  return (
    <header className={compact ? 'toolbar compact' : 'toolbar'} ref={toolbar}>
      <strong className="brand">{t('appName')}</strong>
      <button
        type="button"
        className="icon-button"
        aria-pressed={!corpusCollapsed}
        aria-label={t('paneFileList')}
        title={t('paneFileList')}
        data-testid="toggle-corpus-pane"
        onClick={() => usePaneLayoutStore.getState().togglePane('corpus')}
      >
        <ToolbarIcon name="startPane" />
      </button>
      <ToolbarCommand icon="folder" label={t('openFolder')} compact={compact} onClick={() => void openFolderDialog()} />
      <ToolbarCommand icon="undo" label={t('undo')} shortcut="Ctrl+Z" compact={compact} onClick={undo} disabled={!canUndo} />
      <ToolbarCommand icon="redo" label={t('redo')} shortcut="Ctrl+Shift+Z" compact={compact} onClick={redo} disabled={!canRedo} />
      <ToolbarCommand icon="search" label={words('searchCorpus')} shortcut="Ctrl+Shift+F" compact={compact} onClick={() => corpusSearchActions.open()} />
      {compact ? null : secondary}
      <span className="spacer" />
      {compact ? <OverflowMenu label={t('moreCommands')}>{secondary}</OverflowMenu> : null}
      {/* The other language's name in its own script and language, as screen readers should say it. */}
      <button type="button" lang={fa ? 'en' : 'fa'} onClick={() => setPreferences({ language: fa ? 'en' : 'fa' })}>
        {t('language')}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-pressed={!sideCollapsed}
        aria-label={t('paneTags')}
        title={t('paneTags')}
        data-testid="toggle-side-pane"
        onClick={() => usePaneLayoutStore.getState().togglePane('side')}
      >
        <ToolbarIcon name="endPane" />
      </button>
    </header>
  );
}
