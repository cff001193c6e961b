import path from 'node:path';
import { checkAnnotatorName } from '../../shared/curation/annotatorName';
import { statsToCsv } from '../../shared/stats/statsCsv';
import { computeAgreement } from '../services/lead/agreementService';
import { listCorpusAnnotators, setAssignee, switchToAnnotatorFiles } from '../services/lead/annotatorFiles';
import { writeFileAtomic } from '../services/storage/atomicWrite';
import { corpusStats } from '../services/lead/corpusStats';
import type { CorpusSession } from '../services/corpus/corpusSession';
import { applyCurationDecisions, loadArticleCuration } from '../services/lead/curationService';
import type { SettingsStore } from '../services/app/settingsStore';
import { withUserProblem } from '../services/problems/userProblems';
import type { Channel } from '../../shared/ipc';
import type { HandlerTable } from './handlerTable';
import type { HostPlatform } from './hostPlatform';

/**
 * The channels of the lead's view, derived from shared/ipc.ts: every channel of its namespaces
 * (statistics, annotators, agreement, curation), and the annotator's name.
 */
type LeadNamespace = 'stats' | 'annotators' | 'agreement' | 'curation';
export type LeadChannel = Extract<Channel, `${LeadNamespace}.${string}` | 'settings.setAnnotator'>;

/** The name as it names a file: trimmed and NFC (the contract already refused unusable names). */
function annotatorName(raw: string): string {
  const checked = checkAnnotatorName(raw);
  if (!checked.ok) throw new Error(`Not a usable annotator name: ${checked.reason}`);
  return checked.name;
}

export function createLeadHandlers({ session, settings, host }: { session: CorpusSession; settings: SettingsStore; host: HostPlatform }): Pick<HandlerTable, LeadChannel> {
  const root = (): string => {
    const folder = session.rootPath;
    if (folder === null) throw withUserProblem(new Error('No corpus is open.'), { code: 'noCorpus' });
    return folder;
  };
  // Assignments and the switch rewrite annotation files: the list shows the new state at once
  // rather than whenever the watcher notices.
  const listChanged = async () => host.emit('corpus.listChanged', await session.describe());
  return {
    'settings.setAnnotator': async ({ name }) => {
      await settings.update({ annotator: annotatorName(name) });
      return { annotator: settings.annotator() };
    },
    'stats.compute': async () => corpusStats(root()),
    'stats.exportCsv': async () => {
      const folder = root();
      if (!host.pickSaveFile) throw withUserProblem(new Error('This window cannot choose a file to save to.'), { code: 'unavailable', action: 'pickSaveFile' });
      const target = await host.pickSaveFile(`${path.basename(folder)}-stats.csv`);
      if (target === null) return { savedAs: null };
      // The BOM lets spreadsheet programs read Persian names as UTF-8; the figures are those of `hashiye stats --csv`.
      await writeFileAtomic(target, `\uFEFF${statsToCsv(await corpusStats(folder))}`, { backup: false });
      return { savedAs: path.basename(target) };
    },
    'annotators.list': async () => listCorpusAnnotators(root()),
    'annotators.previewSwitch': async () => switchToAnnotatorFiles(root(), settings.annotator(), { dryRun: true }),
    'annotators.switch': async () => {
      const summary = await switchToAnnotatorFiles(root(), settings.annotator());
      await listChanged();
      return summary;
    },
    'annotators.assign': async ({ ids, assignee }) => {
      const summary = await setAssignee(root(), ids, assignee === null ? null : annotatorName(assignee));
      await listChanged();
      return summary;
    },
    'agreement.compute': async ({ selection }) =>
      computeAgreement(root(), selection.kind === 'pair' ? { kind: 'pair', a: annotatorName(selection.a), b: annotatorName(selection.b) } : { kind: 'all' }),
    'curation.load': async ({ id }) => loadArticleCuration(root(), id),
    'curation.decide': async ({ id, changes }) => applyCurationDecisions(root(), id, changes, { curator: settings.annotator() }),
  };
}
