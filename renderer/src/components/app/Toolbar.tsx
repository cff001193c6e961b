import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
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
import { PretagButton } from '../pretag/PretagDialog';
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

/**
 * Whether a click or change on `target` inside the menu chooses an item, so the menu should close:
 * a click on a button or checkbox, a change of a list (a click on a list only opens it), except
 * a control that opens its own popover inside the menu (it has `aria-expanded`) and anything
 * inside such a popover.
 */
function choosesItem(event: SyntheticEvent<HTMLElement>): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  const control = target.closest(event.type === 'change' ? 'select' : 'button, input');
  const panel = event.currentTarget;
  if (!control || !panel.contains(control) || control.hasAttribute('aria-expanded')) return false;
  return !control.closest('form');
}

/**
 * The "more" menu of a compact toolbar: the commands the narrow window has no room for. It closes
 * when an item is chosen (before any dialog the item opens, so the dialog returns the focus to ⋯),
 * when the focus leaves it (a dialog opened by a shortcut), on Escape and on a click outside.
 */
function OverflowMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open]);
  const closeOnChoice = (event: SyntheticEvent<HTMLElement>) => {
    if (!choosesItem(event)) return;
    // Bubbling, so the item has acted first (a capture would unmount it before its own click).
    // Focus on ⋯ before the commit: a dialog the item opens remembers it and gives it back on closing.
    moreButton.current?.focus();
    setOpen(false);
  };
  return (
    <div
      className="toolbar-overflow"
      ref={menu}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          moreButton.current?.focus();
        }
      }}
    >
      <button type="button" ref={moreButton} className="icon-button toolbar-more" aria-haspopup="true" aria-expanded={open} aria-label={label} title={label} data-testid="toolbar-more" onClick={() => setOpen(!open)}>
        <ToolbarIcon name="more" />
      </button>
      {open ? (
        <div className="toolbar-menu" role="group" aria-label={label} onClick={closeOnChoice} onChange={closeOnChoice}>
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
      {/* Commands used now and then (pre-annotation) stay in the ⋯ menu, so the full row fits 1400 px. */}
      <OverflowMenu label={t('moreCommands')}>
        {compact ? secondary : null}
        <PretagButton />
      </OverflowMenu>
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
