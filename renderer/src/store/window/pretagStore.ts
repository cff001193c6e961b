import { create } from 'zustand';
import type { PretagPreview, PretagProgressWire, PretagRunResult } from '../../../../shared/pretagWire';
import type { UserProblem } from '../../../../shared/userProblem';

/** (#24) What the pre-annotation dialog asks: a gazetteer file of the corpus, the entity registry or a tagger URL, the AS name, the scope. */
export interface PretagChoices {
  sourceKind: PretagSourceKind;
  /** The gazetteer's path relative to the corpus folder. */
  file: string;
  url: string;
  as: string;
  scope: 'article' | 'corpus';
}

export const PRETAG_SOURCE_KINDS = ['gazetteer', 'registry', 'tagger'] as const;
export type PretagSourceKind = (typeof PRETAG_SOURCE_KINDS)[number];

/** The AS name a source writes as by default (the CLI's `--as` default): the registry is a gazetteer. */
export function defaultAsOf(kind: PretagSourceKind): string {
  return kind === 'tagger' ? 'tagger' : 'gazetteer';
}

/** `confirm`: a tagger outside this computer and its network waits for the user's yes. */
export type PretagStage = 'form' | 'confirm' | 'running' | 'finished';

interface PretagState {
  open: boolean;
  stage: PretagStage;
  choices: PretagChoices;
  preview: PretagPreview | null;
  progress: PretagProgressWire | null;
  result: PretagRunResult | null;
  problem: UserProblem | null;
}

const initialChoices: PretagChoices = { sourceKind: 'gazetteer', file: '', url: 'http://127.0.0.1:8000/tag', as: 'gazetteer', scope: 'article' };

export const usePretagStore = create<PretagState>()(() => ({ open: false, stage: 'form', choices: initialChoices, preview: null, progress: null, result: null, problem: null }));

/** The dialog's own changes; calling main is in flows/pretag.ts. */
export const pretagActions = {
  openDialog(): void {
    const { stage } = usePretagStore.getState();
    // A running job's progress shows again when reopened.
    usePretagStore.setState(stage === 'running' ? { open: true } : { open: true, stage: 'form', result: null, problem: null, progress: null });
  },
  closeDialog(): void {
    usePretagStore.setState({ open: false });
  },
  choose(changes: Partial<PretagChoices>): void {
    const { choices } = usePretagStore.getState();
    const next = { ...choices, ...changes };
    // The AS name follows the source while it is still the other source's default.
    if (changes.sourceKind && choices.as === defaultAsOf(choices.sourceKind)) next.as = defaultAsOf(changes.sourceKind);
    usePretagStore.setState({ choices: next, preview: null, problem: null });
  },
  previewed(preview: PretagPreview | null, problem: UserProblem | null = null): void {
    usePretagStore.setState({ preview, problem });
  },
  started(): void {
    usePretagStore.setState({ stage: 'running', progress: null, result: null, problem: null });
  },
  progressed(progress: PretagProgressWire): void {
    usePretagStore.setState({ progress });
  },
  ended(result: PretagRunResult): void {
    usePretagStore.setState({ stage: result.outcome === 'needsConfirmation' ? 'confirm' : 'finished', result });
  },
  failed(problem: UserProblem): void {
    usePretagStore.setState({ stage: 'form', problem });
  },
  backToForm(): void {
    usePretagStore.setState({ stage: 'form', result: null });
  },
};
