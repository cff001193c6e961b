import type { UserProblem } from '../../../shared/userProblem';
import { create } from 'zustand';
import type { AgreementReport } from '../../../shared/agreement/agreementReport';
import type { ArticleCuration, AssignSummary, CorpusAnnotators, SwitchSummary } from '../../../shared/curation/curationSchemas';
import type { CorpusStats } from '../../../shared/stats/corpusStatsReport';

export type LeadTab = 'stats' | 'annotators' | 'agreement' | 'curation';
export type AgreementMode = 'pair' | 'all';

/** The lead's view: statistics, annotators, agreement and curation. UI state only, never saved. */
export interface LeadState {
  open: boolean;
  tab: LeadTab;
  /** Whether the annotator-name popover of the toolbar is open. */
  settingsOpen: boolean;
  busy: boolean;
  /** The last failure, shown in the panel. */
  error: UserProblem | null;
  /** The last outcome worth telling (a CSV saved, articles assigned...). */
  message: string | null;
  stats: CorpusStats | null;
  annotators: CorpusAnnotators | null;
  switchPreview: SwitchSummary | null;
  switchDone: SwitchSummary | null;
  assignResult: AssignSummary | null;
  /** Article ids ticked in the Annotators tab for assigning. */
  assignSelection: readonly string[];
  agreementMode: AgreementMode;
  agreementA: string;
  agreementB: string;
  agreement: AgreementReport | null;
  curation: ArticleCuration | null;
}

export const useLeadStore = create<LeadState>()(() => ({
  open: false,
  tab: 'stats',
  settingsOpen: false,
  busy: false,
  error: null,
  message: null,
  stats: null,
  annotators: null,
  switchPreview: null,
  switchDone: null,
  assignResult: null,
  assignSelection: [],
  agreementMode: 'pair',
  agreementA: '',
  agreementB: '',
  agreement: null,
  curation: null,
}));

function set(change: Partial<LeadState>): void {
  useLeadStore.setState(change);
}

/** The lead view's own changes; the requests to main that fill it are in flows/lead.ts. */
export const leadActions = {
  open(tab?: LeadTab): void {
    set({ open: true, ...(tab ? { tab } : {}) });
  },
  close(): void {
    set({ open: false });
  },
  showTab(tab: LeadTab): void {
    set({ tab, error: null, message: null });
  },
  /** The annotator-name popover; a failure shown in it goes with it. */
  toggleSettings(): void {
    set({ settingsOpen: !useLeadStore.getState().settingsOpen, error: null });
  },
  closeSettings(): void {
    set({ settingsOpen: false, error: null });
  },
  requestStarted(): void {
    set({ busy: true, error: null, message: null });
  },
  requestFailed(error: UserProblem): void {
    set({ error });
  },
  requestEnded(): void {
    set({ busy: false });
  },
  showMessage(message: string): void {
    set({ message });
  },
  showStats(stats: CorpusStats): void {
    set({ stats });
  },
  /** The annotators, keeping the chosen pair while it still exists, else the first two. */
  showAnnotators(annotators: CorpusAnnotators): void {
    const { agreementA, agreementB } = useLeadStore.getState();
    const names = annotators.annotators;
    const a = names.includes(agreementA) ? agreementA : (names[0] ?? '');
    const b = names.includes(agreementB) && agreementB !== a ? agreementB : (names.find((name) => name !== a) ?? '');
    set({ annotators, agreementA: a, agreementB: b });
  },
  showSwitchPreview(preview: SwitchSummary): void {
    set({ switchPreview: preview, switchDone: null });
  },
  switched(done: SwitchSummary): void {
    set({ switchDone: done, switchPreview: null });
  },
  toggleAssignSelection(id: string): void {
    const { assignSelection } = useLeadStore.getState();
    set({ assignSelection: assignSelection.includes(id) ? assignSelection.filter((entry) => entry !== id) : [...assignSelection, id] });
  },
  assigned(result: AssignSummary): void {
    set({ assignResult: result, assignSelection: [] });
  },
  chooseAgreementMode(agreementMode: AgreementMode): void {
    set({ agreementMode });
  },
  chooseAgreementPair(pair: { a?: string; b?: string }): void {
    set({ ...(pair.a !== undefined ? { agreementA: pair.a } : {}), ...(pair.b !== undefined ? { agreementB: pair.b } : {}) });
  },
  showAgreement(report: AgreementReport): void {
    set({ agreement: report });
  },
  showCuration(curation: ArticleCuration | null): void {
    set({ curation });
  },
};
