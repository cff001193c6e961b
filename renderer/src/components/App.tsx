import { useEffect } from 'react';
import { api } from '../api';
import { useMessages } from '../i18n/useMessages';
import { openArticle, redo, showCorpus, undo, openNeighbourArticle } from '../store/actions';
import { startAutosave } from '../store/autosave';
import { useSessionStore } from '../store/sessionStore';
import { AnnotationList } from './AnnotationList';
import { ArticleView } from './ArticleView';
import { CorpusPane } from './CorpusPane';
import { StatusBar } from './StatusBar';
import { TagPalette } from './TagPalette';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';

export function App() {
  const article = useSessionStore((state) => state.article);
  const loadError = useSessionStore((state) => state.loadError);
  const loadingId = useSessionStore((state) => state.loadingArticleId);
  const language = useSessionStore((state) => state.language);
  const t = useMessages();
  useKeyboard();

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'fa' ? 'rtl' : 'ltr';
  }, [language]);

  useEffect(() => {
    const stopAutosave = startAutosave();
    const stopCorpus = api().onCorpusChanged((corpus) => showCorpus(corpus));
    const stopMenu = api().onMenuCommand(({ command }) => {
      if (command === 'undo') undo();
      else if (command === 'redo') redo();
      else if (command === 'next-article') void openNeighbourArticle(1);
      else if (command === 'previous-article') void openNeighbourArticle(-1);
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
          <div className="problem" role="alert">
            <strong>{t('problemTitle')}</strong>
            <p dir="auto">{article.problem.message}</p>
          </div>
        ) : null}
        {loadError ? (
          <div className="problem" role="alert">
            <p dir="auto">{loadError}</p>
          </div>
        ) : null}
        {article ? <ArticleView key={article.id + article.sha256} article={article} /> : <p className="hint">{loadingId ? t('loading') : t('noArticle')}</p>}
      </main>
      <aside className="side-pane">
        <TagPalette />
        <AnnotationList />
      </aside>
      <StatusBar />
    </div>
  );
}
