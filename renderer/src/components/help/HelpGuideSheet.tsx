import { useMemo } from 'react';
import { helpCatalog } from '../../i18n/catalog/help';
import { useCatalog } from '../../i18n/useCatalog';
import { usePreferencesStore } from '../../store/preferencesStore';
import { desktopActions } from '../../store/window/desktopStore';
import { ModalDialog } from '../app/ModalDialog';
import { GuideMarkdown } from './GuideMarkdown';
import { guideChapters } from './guideChapters';
import { USER_GUIDE_SOURCES } from './userGuide';

/**
 * Help › User Guide, open: chapters on the start side, the chosen one beside them, in the UI
 * language where translated. Loaded with the first opening (HelpGuide): the bundled docs, their
 * chapters and marked are not in the window's heap until then (#25 heap).
 */
export default function HelpGuideSheet({ chosenId, choose }: { chosenId: string | null; choose: (id: string) => void }) {
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(helpCatalog);
  const chapters = useMemo(() => guideChapters(language, USER_GUIDE_SOURCES), [language]);
  const chapter = chapters.find((entry) => entry.id === chosenId) ?? chapters[0];
  const close = () => desktopActions.closeHelp();
  return (
    <ModalDialog className="sheet help-guide" label={t('guideTitle')} onEscape={close} closeOnBackdrop testId="help-guide">
      <h2>{t('guideTitle')}</h2>
      <div className="guide-columns">
        <nav aria-label={t('guideChapters')} className="guide-chapters">
          {chapters.map((entry) => (
            <button key={entry.id} type="button" aria-current={entry.id === chapter.id ? 'page' : undefined} dir={entry.language === 'fa' ? 'rtl' : 'ltr'} onClick={() => choose(entry.id)}>
              {entry.title}
            </button>
          ))}
        </nav>
        <article className="guide-chapter" lang={chapter.language} dir={chapter.language === 'fa' ? 'rtl' : 'ltr'} data-testid="guide-chapter">
          {chapter.language !== language ? (
            <p className="guide-language-note" lang={language} dir={language === 'fa' ? 'rtl' : 'ltr'}>
              {t('guideInEnglish')}
            </p>
          ) : null}
          <h3>{chapter.title}</h3>
          <GuideMarkdown markdown={chapter.markdown} />
        </article>
      </div>
      <button type="button" onClick={close}>
        {t('close')}
      </button>
    </ModalDialog>
  );
}
