import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import { hotkeyLabel } from '../../../../shared/tagset/hotkeys';
import { isChosen, undeclaredLabels } from '../../../../shared/documentLabels/labelEdits';
import type { Dimension } from '../../../../shared/documentLabels/dimensions';
import type { DocumentLabelValue } from '../../../../shared/documentLabels/judgmentFormat';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { useDocumentStore } from '../../store/documentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { chooseDocumentLabel, setDocumentLabelText } from '../../store/flows/judgments/judging';
import { documentLabelsCatalog } from '../../i18n/catalog/documentLabels';
import { useCatalog } from '../../i18n/useCatalog';
import { keyLabelDigits } from '../../i18n/formatNumber';
import type { UiLanguage } from '../../i18n/messages';
import { ZoneBar } from './ZoneBar';
import { FooterProposalBar } from './FooterProposalBar';
import { BoilerplateShading } from './BoilerplateShading';

const EMPTY: Dimension[] = [];

/** (#25 heap) The dimension editor loads with its first opening. */
const DimensionEditor = lazy(() => import('./DimensionEditor').then((module) => ({ default: module.DimensionEditor })));

/**
 * (#21) The compact panel above the article: one row per document-label dimension of the tag
 * set, its values as toggle buttons (with their Alt+Digit keys), a free-text dimension as a
 * field. Labels the tag set does not declare are named, and kept.
 */
export function DocumentLabelsPanel() {
  const dimensions = useCorpusViewStore((state) => state.corpus?.tagSet.dimensions ?? EMPTY);
  const native = useCorpusViewStore((state) => state.corpus?.mode === 'native');
  const article = useArticleViewStore((state) => state.article);
  const labels = useDocumentStore((state) => state.documentLabels);
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const [editing, setEditing] = useState(false);
  if (!article) return null;
  const readOnly = article.problem !== null;
  const undeclared = undeclaredLabels(labels, dimensions);
  return (
    <section className="document-labels" aria-label={t('panel')} data-testid="document-labels">
      {dimensions.map((dimension) => (
        <DimensionRow key={dimension.id} dimension={dimension} value={labels[dimension.id]} readOnly={readOnly} language={language} />
      ))}
      {dimensions.length === 0 ? <span className="document-labels-empty">{t('noDimensions')}</span> : null}
      <ZoneBar />
      <FooterProposalBar />
      <BoilerplateShading />
      {undeclared.length > 0 ? (
        <span className="notice document-labels-undeclared" data-testid="undeclared-labels">
          {t('undeclared', { items: undeclared.map((item) => `${item.dimension}=${JSON.stringify(item.value)}`).join(language === 'fa' ? '، ' : ', ') })}
        </span>
      ) : null}
      {native ? (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          {t('editDimensions')}
        </button>
      ) : null}
      {editing
        ? createPortal(
            <Suspense fallback={null}>
              <DimensionEditor onClose={() => setEditing(false)} />
            </Suspense>,
            document.body,
          )
        : null}
    </section>
  );
}

function DimensionRow({ dimension, value, readOnly, language }: { dimension: Dimension; value: DocumentLabelValue | undefined; readOnly: boolean; language: UiLanguage }) {
  const t = useCatalog(documentLabelsCatalog);
  const labels = useDocumentStore((state) => state.documentLabels);
  return (
    <div className="document-label-row" role="group" aria-label={dimension.label[language]} data-dimension={dimension.id} title={dimension.guideline || undefined}>
      <span className="document-label-name">{dimension.label[language]}</span>
      {dimension.kind === 'text' ? (
        <TextDimension dimension={dimension} value={typeof value === 'string' ? value : ''} readOnly={readOnly} language={language} />
      ) : (
        dimension.values.map((option) => {
          const chosen = isChosen(labels, dimension, option.id);
          const key = option.hotkey ? keyLabelDigits(hotkeyLabel(option.hotkey), language) : null;
          return (
            <button
              key={option.id}
              type="button"
              className={chosen ? 'document-label-value chosen' : 'document-label-value'}
              aria-pressed={chosen}
              disabled={readOnly}
              data-value={option.id}
              data-hotkey={option.hotkey ?? undefined}
              title={[option.guideline, key ? t('keyHint', { key }) : ''].filter(Boolean).join(' · ') || undefined}
              onClick={() => chooseDocumentLabel(dimension, option.id)}
            >
              {dimension.kind === 'scale' && option.label[language] === option.id ? keyLabelDigits(option.id, language) : option.label[language]}
              {key ? <kbd>{key}</kbd> : null}
            </button>
          );
        })
      )}
    </div>
  );
}

/** A free-text dimension: written to the document when the field is left or Enter is pressed (one undo step per change). */
function TextDimension({ dimension, value, readOnly, language }: { dimension: Dimension; value: string; readOnly: boolean; language: UiLanguage }) {
  const t = useCatalog(documentLabelsCatalog);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null) setDocumentLabelText(dimension.id, draft);
    setDraft(null);
  };
  return (
    <input
      type="text"
      className="document-label-text"
      dir="auto"
      value={draft ?? value}
      disabled={readOnly}
      placeholder={t('textPlaceholder')}
      aria-label={dimension.label[language]}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
