import { useEffect } from 'react';
import { api } from '../api';
import { useMessages } from '../i18n/useMessages';
import { moveBrokenFileAside, openArticle, openNeighbourArticle, redo, showCorpus, undo } from '../store/actions';
import { startAutosave } from '../store/autosave';
import { installCloseGuard } from '../store/closeGuard';
import { useFindStore } from '../store/findStore';
import { useSessionStore } from '../store/sessionStore';
import { AnnotationDetails } from './AnnotationDetails';
import { AnnotationList } from './AnnotationList';
import { ArticleView } from './ArticleView';
import { CorpusPane } from './CorpusPane';
import { FindBar } from './FindBar';
import { ShortcutSheet } from './ShortcutSheet';
import { StatusBar } from './StatusBar';
import { TagPalette } from './TagPalette';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';

export function App() {
  const article = useSessionStore((state) => state.article);
  const loadError = useSessionStore((state) => state.loadError);
  const loadingId = useSessionStore((state) => state.loadingArticleId);
  const language = useSessionStore((state) => state.language);
  const notice = useSessionStore((state) => state.notice);
  const t = useMessages();
  useKeyboard();

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'fa' ? 'rtl' : 'ltr';
  }, [language]);

  useEffect(() => {
    const stopAutosave = startAutosave();
    const stopCloseGuard = installCloseGuard();
    const stopCorpus = api().onCorpusChanged((corpus) => showCorpus(corpus));
    const stopMenu = api().onMenuCommand(({ command }) => {
      if (command === 'undo') undo();
      else if (command === 'redo') redo();
      else if (command === 'next-article') void openNeighbourArticle(1);
      else if (command === 'previous-article') void openNeighbourArticle(-1);
      else if (command === 'find') useFindStore.getState().set({ open: true });
      else if (command === 'shortcuts') useSessionStore.getState().set({ shortcutsOpen: true });
    });
    void api()
      .app.init({})
      .then((state) => {
        useSessionStore.getState().set({ annotator: state.annotator, language: state.uiLanguage, development: state.development });
        showCorpus(state.corpus);
        const first = state.lastArticleId && state.corpus?.articles.some((entry) => entry.id === state.lastArticleId) ? state.lastArticleId : state.corpus?.articles[0]?.id;
        if (first) void openArticle(first);
      });
    return () => {
      stopAutosave();
      stopCloseGuard();
      stopCorpus();
      stopMenu();
    };
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <CorpusPane />
      <main className="article-pane">
        {article?.problem ? (
          <div className="problem" role="alert" data-testid="annotation-file-problem">
            <strong>{t('problemTitle')}</strong>
            <p dir="auto">{article.problem.message}</p>
            <p>{t('readOnlyExplanation')}</p>
            <button type="button" onClick={() => void moveBrokenFileAside()}>
              {t('moveAside')}
            </button>
          </div>
        ) : null}
        {notice ? (
          <div className="notice-bar" role="status">
            {t('movedAside')} <bdi>{notice}</bdi>
            <button type="button" aria-label={t('close')} onClick={() => useSessionStore.getState().set({ notice: null })}>
              ×
            </button>
          </div>
        ) : null}
        {loadError ? (
          <div className="problem" role="alert">
            <p dir="auto">{loadError}</p>
          </div>
        ) : null}
        <FindBar />
        {article ? <ArticleView key={article.id + article.sha256} article={article} /> : <p className="hint">{loadingId ? t('loading') : t('noArticle')}</p>}
      </main>
      <aside className="side-pane">
        <TagPalette />
        <AnnotationList />
        <AnnotationDetails />
      </aside>
      <StatusBar />
      <ShortcutSheet />
    </div>
  );
}
