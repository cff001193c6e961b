import { useEffect } from 'react';
import { api } from '../../api';
import { useMessages } from '../../i18n/useMessages';
import { openArticle, openNeighbourArticle } from '../../store/flows/article';
import { showCorpus, showOpenRefused, switchCorpusWhenSafe } from '../../store/flows/corpus';
import { moveBrokenFileAside, onAnnotationsChangedOnDisk, onArticleChangedOnDisk } from '../../store/flows/diskChanges';
import { redo, undo } from '../../store/flows/editing';
import { startAutosave } from '../../store/saving/autosave';
import { installCloseGuard } from '../../store/saving/closeGuard';
import { findActions, useFindStore } from '../../store/findStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { preferencesActions, usePreferencesStore } from '../../store/preferencesStore';
import { useWindowStore, windowActions } from '../../store/window/windowStore';
import { AnnotationDetails as AnnotationDetailsWhenShown } from '../annotations/AnnotationDetails';
import { ArticleHeader } from '../article/ArticleHeader';
import { DocumentLabelsPanel } from '../documentLabels/DocumentLabelsPanel';
import { AnnotationList } from '../annotations/AnnotationList';
import { ArticleView } from '../article/ArticleView';
import { CorpusPane } from '../corpus/CorpusPane';
import { CorpusSearch as CorpusSearchWhenShown } from '../corpus/CorpusSearch';
import { DeleteConfirmation as DeleteConfirmationWhenShown } from '../annotations/DeleteConfirmation';
import { BoilerplateTagQuestion as BoilerplateTagQuestionWhenShown } from '../documentLabels/BoilerplateTagQuestion';
import { RelationChooser } from '../relations/RelationChooser';
import { RelationDetails as RelationDetailsWhenShown } from '../relations/RelationDetails';
import { RelationList } from '../annotations/relationList/RelationList';
import { ConflictDialog } from '../saving/ConflictDialog';
import { LeaveQuestionDialog } from '../saving/LeaveQuestionDialog';
import { FindBar as FindBarWhenShown } from '../article/FindBar';
import { LeadPanel } from '../lead/LeadPanel';
import { SuggestionPanel } from '../annotations/SuggestionPanel';
import { StatusBar } from './StatusBar';
import { TagPalette } from '../annotations/TagPalette';
import { TransferDialogs } from '../transfer/TransferDialogs';
import { transferActions } from '../../store/transferStore';
import { useCorpusSearchStore } from '../../store/corpusSearchStore';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { Toolbar } from './Toolbar';
import { PROBLEM_EXPLANATIONS } from '../corpus/problemExplanations';
import { useFileDrop } from './useFileDrop';
import { useKeyboard } from '../keyboard/useKeyboard';
import { scrollToOffset, useReadingPosition } from '../article/useReadingPosition';
import { ProblemText } from './ProblemText';
import { corpusViewActions } from '../../store/corpusViewStore';
import { PaneSplitter } from './PaneSplitter';
import { usePaneLayoutStore } from '../../store/window/paneLayoutStore';
import { useAppearance } from './useAppearance';
import { AboutDialog } from '../help/AboutDialog';
import { HelpGuide } from '../help/HelpGuide';
import { desktopActions } from '../../store/window/desktopStore';
import { applyKeptPaneLayout, startPaneLayoutSync } from '../../store/flows/paneLayout';
import { EntityPicker } from '../entities/EntityPicker';
import { EntityView } from '../entities/EntityView';
import { paneOnFirstOpening, shownWhen } from './paneOnFirstOpening';
import { usePretagStore } from '../../store/window/pretagStore';
import { useEntityRegistry } from '../entities/useEntityRegistry';
import './window.css';


const ShortcutSheet = paneOnFirstOpening(
  () => useWindowStore((state) => state.shortcutsOpen),
  () => import('../keyboard/ShortcutSheet').then((module) => module.ShortcutSheet),
);
const PretagDialog = paneOnFirstOpening(
  () => usePretagStore((state) => state.open),
  () => import('../pretag/PretagDialog').then((module) => module.PretagDialog),
);

// (#25 heap) Closed at start, and most of the time: their bodies are not compiled until shown.
const FindBar = shownWhen(() => useFindStore((state) => state.open), FindBarWhenShown);
const CorpusSearch = shownWhen(() => useCorpusSearchStore((state) => state.open), CorpusSearchWhenShown);
const DeleteConfirmation = shownWhen(() => useArticleViewStore((state) => state.pendingDelete !== null), DeleteConfirmationWhenShown);
const BoilerplateTagQuestion = shownWhen(() => useArticleViewStore((state) => state.pendingBoilerplateTag !== null), BoilerplateTagQuestionWhenShown);
// The details pane shows the selected annotation: nothing while none is selected.
const AnnotationDetails = shownWhen(() => usePaintedDocumentStore((state) => state.selectedAnnotationId !== null), AnnotationDetailsWhenShown);
const RelationDetails = shownWhen(() => usePaintedDocumentStore((state) => state.selectedAnnotationId !== null), RelationDetailsWhenShown);

export function App() {
  const article = useArticleViewStore((state) => state.article);
  const loadError = useArticleViewStore((state) => state.loadError);
  const loadingId = useArticleViewStore((state) => state.loadingArticleId);
  const language = usePreferencesStore((state) => state.language);
  const theme = usePreferencesStore((state) => state.theme);
  const fontSize = usePreferencesStore((state) => state.fontSize);
  const notice = useWindowStore((state) => state.notice);
  const t = useMessages();
  useKeyboard();
  useFileDrop();
  useReadingPosition();
  useEntityRegistry();

  useAppearance(language, theme, fontSize);
  const panes = usePaneLayoutStore();

  useEffect(() => {
    const stopAutosave = startAutosave();
    const stopCloseGuard = installCloseGuard();
    const stopCorpus = api().onCorpusChanged((corpus) => showCorpus(corpus));
    const stopSwitch = api().onCorpusSwitchRequested(({ token, articleId }) => void switchCorpusWhenSafe(token, articleId ?? null));
    const stopArticleRequest = api().onCorpusArticleRequested(({ id }) => void openArticle(id));
    const stopOpenRefused = api().onCorpusOpenRefused((problem) => showOpenRefused(problem));
    const stopList = api().onCorpusListChanged((corpus) => corpusViewActions.showCorpus(corpus));
    const stopArticleChange = api().onArticleChangedOnDisk(({ id }) => void onArticleChangedOnDisk(id));
    const stopAnnotationChange = api().onAnnotationsChangedOnDisk(({ id }) => void onAnnotationsChangedOnDisk(id));
    const stopMenu = api().onMenuCommand(({ command }) => {
      if (command === 'undo') undo();
      else if (command === 'redo') redo();
      else if (command === 'next-article') void openNeighbourArticle(1);
      else if (command === 'previous-article') void openNeighbourArticle(-1);
      else if (command === 'find') findActions.open();
      else if (command === 'shortcuts') windowActions.openShortcuts();
      else if (command === 'export') transferActions.openExportDialog();
      else if (command === 'import') transferActions.openImportDialog();
      else if (command === 'guide' || command === 'about') desktopActions.openHelp(command);
    });
    const stopPaneLayoutSync = startPaneLayoutSync();
    void api()
      .app.init({})
      .then((state) => {
        preferencesActions.applySettings({ annotator: state.annotator, language: state.uiLanguage, theme: state.theme, fontSize: state.fontSize, development: state.development });
        desktopActions.applyPlatform(state.platform);
        applyKeptPaneLayout(state.paneLayout);
        showCorpus(state.corpus);
        const first = state.lastArticleId && state.corpus?.articles.some((entry) => entry.id === state.lastArticleId) ? state.lastArticleId : state.corpus?.articles[0]?.id;
        const resumeAt = first === state.lastArticleId ? state.lastArticleOffset : null;
        // The list is painted first: opening a huge first article never keeps the corpus from showing.
        if (first) requestAnimationFrame(() => setTimeout(() => void openArticle(first).then(() => (resumeAt ? scrollToOffset(resumeAt) : undefined)), 0));
      });
    return () => {
      stopAutosave();
      stopCloseGuard();
      stopCorpus();
      stopSwitch();
      stopArticleRequest();
      stopOpenRefused();
      stopList();
      stopArticleChange();
      stopAnnotationChange();
      stopMenu();
      stopPaneLayoutSync();
    };
  }, []);

  return (
    <div
      className={`app${panes.corpusCollapsed ? ' corpus-collapsed' : ''}${panes.sideCollapsed ? ' side-collapsed' : ''}`}
      style={{ ['--corpus-width' as string]: `${panes.corpusWidth}px`, ['--side-width' as string]: `${panes.sideWidth}px` }}
    >
      <Toolbar />
      <CorpusPane />
      <PaneSplitter pane="corpus" />
      <main className="article-pane" aria-label={t('paneArticle')}>
        {article?.problem ? (
          <div className="problem" role="alert" data-testid="annotation-file-problem">
            <strong>{t('problemTitle')}</strong>
            <p>{t(PROBLEM_EXPLANATIONS[article.problem.kind] ?? 'problemIo')}</p>
            {(article.problem.userProblems ?? []).map((problem, index) => (
              <p key={index} data-testid="annotation-file-problem-reason">
                <ProblemText problem={problem} />
              </p>
            ))}
            <details className="problem-details">
              <summary>{t('technicalDetails')}</summary>
              <p dir="auto">{article.problem.message}</p>
            </details>
            <p>{t('readOnlyExplanation')}</p>
            {/* A file that is fine but not writable is not broken: there is nothing to move aside. */}
            {article.problem.kind === 'permission' ? null : (
              <button type="button" onClick={() => void moveBrokenFileAside()}>
                {t('moveAside')}
              </button>
            )}
          </div>
        ) : null}
        {notice ? (
          <div className="notice-bar" role="status" data-testid="notice">
            <span dir="auto">{notice}</span>
            <button type="button" aria-label={t('close')} onClick={() => windowActions.dismissNotice()}>
              ×
            </button>
          </div>
        ) : null}
        {loadError ? (
          <div className="problem" role="alert">
            <p>
              <ProblemText problem={loadError} />
            </p>
          </div>
        ) : null}
        <ArticleHeader />
        <DocumentLabelsPanel />
        <FindBar />
        {article ? <ArticleView key={article.id + article.sha256} article={article} /> : <p className="hint">{loadingId ? t('loading') : t('noArticle')}</p>}
      </main>
      <PaneSplitter pane="side" />
      <aside className="side-pane" aria-label={t('paneTags')} tabIndex={-1}>
        <TagPalette />
        <AnnotationList />
        <RelationList />
        <SuggestionPanel />
        <AnnotationDetails />
        <RelationDetails />
      </aside>
      <StatusBar />
      <ShortcutSheet />
      <CorpusSearch />
      <DeleteConfirmation />
      <BoilerplateTagQuestion />
      <RelationChooser />
      <LeadPanel />
      <TransferDialogs />
      <PretagDialog />
      <ConflictDialog />
      <LeaveQuestionDialog />
      <HelpGuide />
      <AboutDialog />
      <EntityPicker />
      <EntityView />
    </div>
  );
}
