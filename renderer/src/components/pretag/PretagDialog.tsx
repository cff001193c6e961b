import type { PretagPreview, PretagRunResult } from '../../../../shared/pretagWire';
import { pretagCatalog } from '../../i18n/catalog/pretag';
import { useCatalog } from '../../i18n/useCatalog';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { cancelPretag, confirmTaggerAndRun, previewPretag, runPretag } from '../../store/flows/pretag';
import { PRETAG_SOURCE_KINDS, pretagActions, usePretagStore } from '../../store/window/pretagStore';
import { ModalDialog } from '../app/ModalDialog';
import { ProblemText } from '../app/ProblemText';

type Words = ReturnType<typeof useCatalog<keyof (typeof pretagCatalog)['en']>>;

/** (#24) The toolbar's (or ⋯ menu's) button that opens the pre-annotation dialog. */
export function PretagButton() {
  const words = useCatalog(pretagCatalog);
  const hasCorpus = useCorpusViewStore((state) => state.corpus !== null);
  return (
    <button type="button" onClick={pretagActions.openDialog} disabled={!hasCorpus} data-testid="pretag-button">
      {words('pretagButton')}
    </button>
  );
}

function PreviewText({ preview, words }: { preview: PretagPreview; words: Words }) {
  if (preview.kind === 'gazetteer') {
    return <p data-testid="pretag-preview">{words('previewGazetteer', { phrases: preview.phrases, types: preview.types.join(', '), articles: preview.articles, skipped: preview.skippedLines.length })}</p>;
  }
  return (
    <div data-testid="pretag-preview">
      <p>{words('previewTagger', { url: preview.url, articles: preview.articles, characters: preview.characters, language: preview.language })}</p>
      <blockquote dir="auto" className="pretag-first-characters">
        {preview.firstCharacters}
      </blockquote>
      <p>{words(preview.address === 'remote' ? 'remote' : 'local')}</p>
    </div>
  );
}

function PretagForm({ words }: { words: Words }) {
  const { choices, preview, problem } = usePretagStore();
  const sourceGiven = { gazetteer: choices.file.trim() !== '', registry: true, tagger: choices.url.trim() !== '' }[choices.sourceKind];
  const canRun = choices.as.trim() !== '' && sourceGiven;
  return (
    <form
      className="pretag-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (canRun) void runPretag();
      }}
    >
      <fieldset className="pretag-sources">
        <legend>{words('source')}</legend>
        {PRETAG_SOURCE_KINDS.map((kind) => (
          <label key={kind}>
            <input type="radio" name="pretag-source" data-testid={`pretag-source-${kind}`} checked={choices.sourceKind === kind} onChange={() => pretagActions.choose({ sourceKind: kind })} />
            {words(kind)}
          </label>
        ))}
      </fieldset>
      {choices.sourceKind === 'gazetteer' ? (
        <label>
          {words('file')}
          <input dir="ltr" data-testid="pretag-file" value={choices.file} onChange={(event) => pretagActions.choose({ file: event.target.value })} />
        </label>
      ) : choices.sourceKind === 'registry' ? (
        <p className="pretag-registry-note">{words('registryNote')}</p>
      ) : (
        <label>
          {words('url')}
          <input dir="ltr" data-testid="pretag-url" value={choices.url} onChange={(event) => pretagActions.choose({ url: event.target.value })} />
        </label>
      )}
      <label>
        {words('as')}
        <input dir="auto" data-testid="pretag-as" value={choices.as} onChange={(event) => pretagActions.choose({ as: event.target.value })} />
      </label>
      <fieldset>
        <legend>{words('scope')}</legend>
        {(['article', 'corpus'] as const).map((scope) => (
          <label key={scope}>
            <input type="radio" name="pretag-scope" checked={choices.scope === scope} onChange={() => pretagActions.choose({ scope })} />
            {words(scope === 'article' ? 'scopeArticle' : 'scopeCorpus')}
          </label>
        ))}
      </fieldset>
      {preview ? <PreviewText preview={preview} words={words} /> : null}
      {problem ? <ProblemText problem={problem} /> : null}
      <div className="transfer-actions">
        <button type="button" onClick={() => void previewPretag()} disabled={!canRun}>
          {words('preview')}
        </button>
        <button type="submit" data-testid="pretag-run" disabled={!canRun}>
          {words('run')}
        </button>
      </div>
    </form>
  );
}

function PretagOutcome({ result, words }: { result: PretagRunResult; words: Words }) {
  if (result.outcome === 'cancelled') return <p role="status">{words('cancelled')}</p>;
  if (result.outcome !== 'finished') return null;
  return (
    <div role="status" data-testid="pretag-finished">
      <p>{words('finished', { written: result.written, as: result.as, articles: result.articles })}</p>
      {result.refused > 0 ? <p>{words('refusedCount', { count: result.refused })}</p> : null}
      {result.failed.length > 0 ? (
        <>
          <p>{words('failedCount', { count: result.failed.length })}</p>
          <ul>
            {result.failed.map((failure) => (
              <li key={failure.article}>
                <ProblemText problem={failure.problem} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** (#24) Pre-annotation: source, AS name, scope, a preview of what is sent, confirmation of a remote tagger, progress and Cancel. */
export function PretagDialog() {
  const words = useCatalog(pretagCatalog);
  const { open, stage, progress, result } = usePretagStore();
  if (!open) return null;
  return (
    <ModalDialog className="sheet transfer-dialog pretag-dialog" label={words('title')} onEscape={pretagActions.closeDialog} testId="pretag-dialog">
      <header className="transfer-header">
        <h2>{words('title')}</h2>
        <button type="button" className="transfer-close" aria-label={words('close')} onClick={pretagActions.closeDialog}>
          ×
        </button>
      </header>
      {stage === 'form' ? <PretagForm words={words} /> : null}
      {stage === 'confirm' && result?.outcome === 'needsConfirmation' ? (
        <div role="alert">
          <h3>{words('confirmTitle', { url: result.url })}</h3>
          <p>{words('confirmText')}</p>
          <div className="transfer-actions">
            <button type="button" onClick={() => void confirmTaggerAndRun(result.url)}>
              {words('confirmSend')}
            </button>
            <button type="button" autoFocus onClick={pretagActions.backToForm}>
              {words('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {stage === 'running' ? (
        <div role="status" data-testid="pretag-progress">
          <p>{progress ? words('progress', { phase: words(progress.phase === 'tagging' ? 'phaseTagging' : 'phaseWriting'), done: progress.done, total: progress.total }) : '…'}</p>
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          <button type="button" autoFocus onClick={() => void cancelPretag()}>
            {words('cancel')}
          </button>
        </div>
      ) : null}
      {stage === 'finished' && result ? (
        <>
          <PretagOutcome result={result} words={words} />
          <div className="transfer-actions">
            <button type="button" onClick={pretagActions.backToForm}>
              {words('again')}
            </button>
            {/* The Run button that had the focus is gone: focus stays in the dialog, so Escape and Tab still work. */}
            <button type="button" autoFocus onClick={pretagActions.closeDialog}>
              {words('close')}
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
