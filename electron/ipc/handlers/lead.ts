import path from 'node:path';
import { statsToCsv } from '../../../shared/stats/statsCsv';
import { computeAgreement } from '../../services/lead/agreementService';
import { listCorpusAnnotators, setAssignee, switchToAnnotatorFiles } from '../../services/lead/annotatorFiles';
import { corpusStats } from '../../services/lead/corpusStats';
import { applyCurationDecisions, loadArticleCuration } from '../../services/lead/curationService';
import { writeFileAtomic } from '../../services/storage/atomicWrite';
import { withUserProblem } from '../../services/problems/userProblems';
import { annotatorName } from '../annotatorName';
import type { DomainHandlers, HandlerContext } from '../handlerTypes';
import { hostCannot } from '../ipcRefusedError';

/** The lead's view: statistics, annotators and their assignments, agreement, curation. */
export function leadHandlers({ session, settings, host }: HandlerContext): DomainHandlers<'lead'> {
  const root = (): string => {
    const folder = session.rootPath;
    if (folder === null) throw withUserProblem(new Error('No corpus is open.'), { code: 'noCorpus' });
    return folder;
  };
  // Assignments and the switch rewrite annotation files: the list shows the new state at once
  // rather than whenever the watcher notices.
  const listChanged = async () => host.emit('corpus.listChanged', await session.describe());
  return {
    'stats.compute': async () => corpusStats(root()),
    'stats.exportCsv': async () => {
      const folder = root();
      const target = host.pickSaveFile ? await host.pickSaveFile(`${path.basename(folder)}-stats.csv`) : hostCannot('choose a file to save to', 'pickSaveFile');
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
    'annotators.assign': async ({ ids: articles, assignee }) => {
      // setAssignee resolves each id again and lists the ones it cannot write, as it does for its other callers.
      const summary = await setAssignee(root(), articles.map((article) => article.id), assignee === null ? null : annotatorName(assignee));
      await listChanged();
      return summary;
    },
    'agreement.compute': async ({ selection }) =>
      computeAgreement(root(), selection.kind === 'pair' ? { kind: 'pair', a: annotatorName(selection.a), b: annotatorName(selection.b) } : { kind: 'all' }),
    'curation.load': async ({ id: article }) => loadArticleCuration(root(), article),
    'curation.decide': async ({ id: article, changes }) => applyCurationDecisions(root(), article, changes, { curator: settings.annotator() }),
  };
}
