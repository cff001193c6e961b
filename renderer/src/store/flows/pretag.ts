import type { PretagSourceRequest } from '../../../../shared/pretagWire';
import { api } from '../../api';
import { problemOf } from '../../ipcError';
import { useArticleViewStore } from '../articleViewStore';
import { pretagActions, usePretagStore, type PretagChoices } from '../window/pretagStore';
import { refreshSuggestions } from './suggestions';

/** (#24) The pre-annotation dialog's calls to main: preview, run with progress and Cancel, confirmation of a remote tagger. */

function sourceOf(choices: PretagChoices): PretagSourceRequest {
  if (choices.sourceKind === 'registry') return { kind: 'registry' };
  return choices.sourceKind === 'gazetteer' ? { kind: 'gazetteer', file: choices.file.trim() } : { kind: 'tagger', url: choices.url.trim() };
}

function scopeOf(choices: PretagChoices): { scope: 'article'; articleId: string } | { scope: 'corpus' } {
  const articleId = useArticleViewStore.getState().article?.id;
  return choices.scope === 'article' && articleId ? { scope: 'article', articleId } : { scope: 'corpus' };
}

/** What the run would send or use, shown before it starts; nothing is sent. */
export async function previewPretag(): Promise<void> {
  const { choices } = usePretagStore.getState();
  try {
    pretagActions.previewed(await api().pretag.preview({ source: sourceOf(choices), ...scopeOf(choices) }));
  } catch (error) {
    pretagActions.previewed(null, problemOf(error));
  }
}

export async function runPretag(): Promise<void> {
  const { choices } = usePretagStore.getState();
  pretagActions.started();
  const stopProgress = api().onPretagProgress((progress) => pretagActions.progressed(progress));
  try {
    const result = await api().pretag.run({ source: sourceOf(choices), as: choices.as.trim(), ...scopeOf(choices) });
    pretagActions.ended(result);
    const open = useArticleViewStore.getState().article?.id;
    if (result.outcome === 'finished' && open !== undefined && result.changed.includes(open)) await refreshSuggestions();
  } catch (error) {
    pretagActions.failed(problemOf(error));
  } finally {
    stopProgress();
  }
}

/** The user said yes to sending articles to this tagger: kept in the settings, then the run starts. */
export async function confirmTaggerAndRun(url: string): Promise<void> {
  try {
    await api().pretag.confirmTagger({ url });
  } catch (error) {
    pretagActions.failed(problemOf(error));
    return;
  }
  await runPretag();
}

export async function cancelPretag(): Promise<void> {
  await api().pretag.cancel({});
}

/** (#24) The lead view's measure of a pretagger: its suggestions against the analyst's final annotations. */
export async function loadPretaggerScores(as: string) {
  return api().pretag.scores({ as: as.trim() });
}
