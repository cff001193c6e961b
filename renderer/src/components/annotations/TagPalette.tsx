import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import { hotkeyLabel } from '../../../../shared/tagset/hotkeys';
import { useMessages } from '../../i18n/useMessages';
import { applyTag } from '../../store/flows/editing';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useCatalog } from '../../i18n/useCatalog';
import { annotationCatalog } from '../../i18n/catalog/annotation';
import { appCatalog, type AppCatalogKey } from '../../i18n/catalog/app';
import type { TemplateValues } from '../../i18n/template';
import { keyLabelDigits } from '../../i18n/formatNumber';
import { ProblemText } from '../app/ProblemText';

/** (#25 heap) The editor, its sub-editors and the tag set's zod checks load with its first opening. */
const TagSetEditor = lazy(() => import('./TagSetEditor').then((module) => ({ default: module.TagSetEditor })));

/** A tag's tooltip in the UI language: its name, id and key, and the tag set's guideline (the user's own words) when it has one. */
function tagTooltip(words: (key: AppCatalogKey, values?: TemplateValues) => string, label: string, id: string, key: string | null, guideline: string | undefined): string {
  const values = { label, id, ...(key ? { key } : {}), ...(guideline ? { guideline } : {}) };
  if (guideline) return words(key ? 'tagTooltipGuideline' : 'tagTooltipGuidelineNoKey', values);
  return words(key ? 'tagTooltip' : 'tagTooltipNoKey', values);
}

export function TagPalette() {
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const language = usePreferencesStore((state) => state.language);
  const t = useMessages();
  const words = useCatalog(annotationCatalog);
  const appWords = useCatalog(appCatalog);
  const [editing, setEditing] = useState(false);
  if (!tagSet) return null;
  return (
    <section className="tag-palette" aria-label={t('tags')}>
      <h2 className="palette-title">
        {t('tags')}
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          {words('editTagSet')}
        </button>
      </h2>
      {/* Portalled: the side pane's containment would otherwise clip a fixed overlay. */}
      {editing
        ? createPortal(
            <Suspense fallback={null}>
              <TagSetEditor onClose={() => setEditing(false)} />
            </Suspense>,
            document.body,
          )
        : null}
      {tagSet.userProblems.length > 0 ? (
        <p className="notice" data-testid="tag-set-problem" title={tagSet.problem ?? undefined}>
          {tagSet.userProblems.map((problem, index) => (
            <ProblemText key={index} problem={problem} />
          ))}
        </p>
      ) : null}
      <ul>
        {tagSet.types.map((type) => (
          <li key={type.id}>
            <button
              type="button"
              className="tag-button"
              data-testid="tag-palette-item"
              data-entity-type={type.id}
              data-hotkey={type.hotkey ?? undefined}
              style={{ ['--tag-color' as string]: type.color }}
              aria-label={`${type.label[language]} ${type.id}`}
              title={tagTooltip(appWords, type.label[language], type.id, type.hotkey ? keyLabelDigits(hotkeyLabel(type.hotkey), language) : null, type.guideline)}
              // Keep the text selection: a button that takes focus on mousedown would not lose it,
              // but preventing the default also stops the article from losing its caret.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => applyTag(type.id)}
            >
              <span className="swatch" aria-hidden="true" />
              <span className="tag-label">{type.label[language]}</span>
              <span className="tag-id">{type.id}</span>
              {type.hotkey ? <kbd>{keyLabelDigits(hotkeyLabel(type.hotkey), language)}</kbd> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
