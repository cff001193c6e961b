import { PretagCancelledError, runPretag, type PretagSummary } from '../../services/pretag/pretagRun';
import { articleSuggestions, previewPretag, rejectSuggestions, sourceSpecOf } from '../../services/pretag/pretagWindow';
import { classifyTaggerUrl } from '../../services/pretag/taggerAddress';
import { scorePretagger } from '../../services/pretag/pretagScores';
import { withUserProblem } from '../../services/problems/userProblems';
import type { PretagFinished, PretagProgressWire } from '../../../shared/pretagWire';
import type { UserProblem } from '../../../shared/userProblem';
import type { DomainHandlers, HandlerContext } from '../handlerTypes';
import { IpcRefusedError } from '../ipcRefusedError';

/** Progress events at most this often (plus every change of phase and the last one). */
const PROGRESS_INTERVAL_MS = 50;

/** Passes every change of phase, the last step, and otherwise at most one event per interval. */
function throttledProgress(emit: (progress: PretagProgressWire) => void): (progress: PretagProgressWire) => void {
  let lastPhase = '';
  let lastTime = 0;
  return (progress) => {
    const now = performance.now();
    if (progress.phase !== lastPhase || progress.done === progress.total || now - lastTime >= PROGRESS_INTERVAL_MS) {
      lastPhase = progress.phase;
      lastTime = now;
      emit(progress);
    }
  };
}

/** The summary as the window shows it: counts, and each failed article's coded problem. */
function finishedOf(summary: PretagSummary): PretagFinished {
  return {
    outcome: 'finished',
    as: summary.as,
    articles: summary.articles.length,
    written: summary.written,
    failed: summary.articles.flatMap((result) => (result.problem ? [{ article: result.article, problem: result.problem.userProblem }] : [])),
    refused: summary.articles.reduce((sum, result) => sum + result.refused.length, 0),
    changed: summary.articles.filter((result) => !result.problem).map((result) => result.article),
  };
}

/**
 * (#24) Pre-annotation from the window: one run at a time per window, cancellable (the engine
 * writes nothing when cancelled while tagging). A tagger outside this computer and its network is
 * called only once the user confirmed its URL (pretag.confirmTagger stores it in the settings).
 */
export function pretagHandlers({ session, settings, host }: HandlerContext): DomainHandlers<'pretag'> {
  let running: AbortController | null = null;
  const isConfirmed = (href: string) => settings.isTaggerConfirmed(href);
  const root = () => {
    if (session.rootPath === null) throw new IpcRefusedError('Refused pre-annotation: no corpus is open.', { code: 'noCorpus' });
    return session.rootPath;
  };
  return {
    'pretag.preview': async (request) => previewPretag(root(), request.source, request.articleId, isConfirmed),
    'pretag.confirmTagger': async ({ url }) => {
      const classified = classifyTaggerUrl(url);
      if (!classified.ok) throw withUserProblem(new Error(`${url} is not an http:// or https:// URL.`), { code: 'taggerBadUrl', url });
      await settings.confirmTagger(classified.url.href);
      return { url: classified.url.href };
    },
    'pretag.run': async (request) => {
      const corpus = root();
      if (running) throw withUserProblem(new Error('A pre-annotation is already running.'), { code: 'pretagBusy' });
      let source;
      try {
        source = await sourceSpecOf(corpus, request.source, isConfirmed);
      } catch (error) {
        const problem = (error as { userProblem?: UserProblem }).userProblem;
        if (problem?.code === 'taggerNeedsConfirmation') return { outcome: 'needsConfirmation', url: problem.url } as const;
        throw error;
      }
      const abort = new AbortController();
      running = abort;
      try {
        const summary = await runPretag(corpus, { as: request.as, source, articles: request.articleId ? [request.articleId.id] : undefined }, throttledProgress((progress) => host.emit('pretag.progress', progress)), abort.signal);
        return finishedOf(summary);
      } catch (error) {
        if (error instanceof PretagCancelledError) return { outcome: 'cancelled' } as const;
        throw error;
      } finally {
        running = null;
      }
    },
    'pretag.cancel': async () => {
      const abort = running;
      abort?.abort();
      return { cancelled: abort !== null };
    },
    'pretag.suggestions': async ({ id }) => ({ suggestions: await articleSuggestions(id) }),
    'pretag.reject': async ({ id, as, ids, undo }) => rejectSuggestions(id, as, ids, undo),
    'pretag.scores': async ({ as }) => scorePretagger(root(), as),
  };
}
