import { lazy, Suspense, useEffect } from 'react';
import { showLeadTab, toggleLeadView } from '../../store/flows/lead';
import { type LeadTab, leadActions, useLeadStore } from '../../store/leadStore';
import { useLeadMessages, type LeadMessageKey } from './leadMessages';
// The lead's styles stay with the window's (the toolbar's lead buttons use them too); only the tabs load later.
import './lead.css';

// (#25 heap) Each tab, with its charts and tables, loads the first time it is shown: an annotator
// who never opens the lead's view never has that code in the window's heap.
const StatisticsTab = lazy(() => import('./StatisticsTab').then((module) => ({ default: module.StatisticsTab })));
const AnnotatorsTab = lazy(() => import('./AnnotatorsTab').then((module) => ({ default: module.AnnotatorsTab })));
const AgreementTab = lazy(() => import('./AgreementTab').then((module) => ({ default: module.AgreementTab })));
const CurationTab = lazy(() => import('./CurationTab').then((module) => ({ default: module.CurationTab })));
import { ProblemText } from '../app/ProblemText';

const TABS: { id: LeadTab; label: LeadMessageKey }[] = [
  { id: 'stats', label: 'statistics' },
  { id: 'annotators', label: 'annotators' },
  { id: 'agreement', label: 'agreement' },
  { id: 'curation', label: 'curation' },
];

/** Ctrl+Shift+L (by physical key, so it works under a Persian layout) opens and closes the view; Escape closes it. */
function useLeadShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.code === 'KeyL') {
        event.preventDefault();
        toggleLeadView();
      } else if (event.code === 'Escape' && useLeadStore.getState().open) {
        leadActions.close();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** The lead's view over the article area: statistics, annotators, agreement and curation. */
export function LeadPanel() {
  const open = useLeadStore((state) => state.open);
  useLeadShortcut();
  // (#25 heap) The view's body is not compiled, nor re-rendered, while the view is closed.
  return open ? <LeadView /> : null;
}

function LeadView() {
  const tab = useLeadStore((state) => state.tab);
  const error = useLeadStore((state) => state.error);
  const busy = useLeadStore((state) => state.busy);
  const t = useLeadMessages();
  return (
    <section className="lead-panel" role="dialog" aria-modal="false" aria-label={t('leadTitle')} data-testid="lead-panel">
      <header className="lead-header">
        <h2>{t('leadTitle')}</h2>
        <nav className="lead-tabs" role="tablist">
          {TABS.map((entry) => (
            <button key={entry.id} type="button" role="tab" aria-selected={tab === entry.id} className={tab === entry.id ? 'lead-tab-active' : undefined} onClick={() => showLeadTab(entry.id)}>
              {t(entry.label)}
            </button>
          ))}
        </nav>
        {busy ? <span className="hint">{t('loading')}</span> : null}
        <span className="spacer" />
        <button type="button" onClick={leadActions.close} aria-label={t('close')} title="Esc">
          ×
        </button>
      </header>
      {/* Too few annotators to curate is not a failure: it is said as a hint of what to do, not in a red box. */}
      {error && error.code === 'curationNeedsAnnotators' ? (
        <p className="hint lead-guidance" role="status" data-testid="curation-needs-annotators">
          <ProblemText problem={error} />
        </p>
      ) : error ? (
        <p className="problem" role="alert" data-testid="lead-error">
          <ProblemText problem={error} />
        </p>
      ) : null}
      <div className="lead-body" role="tabpanel">
        <Suspense fallback={null}>{tab === 'stats' ? <StatisticsTab /> : tab === 'annotators' ? <AnnotatorsTab /> : tab === 'agreement' ? <AgreementTab /> : <CurationTab />}</Suspense>
      </div>
    </section>
  );
}
