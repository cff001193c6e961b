import { useState } from 'react';
import type { ArticleMetadata } from '../../../../shared/metadata/articleMetadata';
import { isIsoDate, METADATA_FIELDS, type MetadataField } from '../../../../shared/metadata/metadataFields';
import { metadataCatalog } from '../../i18n/catalog/metadata';
import { useCatalog } from '../../i18n/useCatalog';
import { useProblemText } from '../../i18n/useProblemText';
import { problemOf } from '../../ipcError';
import { saveArticleMetadata } from '../../store/flows/judgments/metadata';
import { FormField } from '../app/FormField';
import { ModalDialog } from '../app/ModalDialog';
import { metadataProblemText } from './metadataProblemText';

/** URL and date are Latin text whatever the UI language; the rest follows what is typed. */
const FIELD_DIRECTION: Record<MetadataField, 'ltr' | 'auto'> = { title: 'auto', source: 'auto', url: 'ltr', published: 'ltr', author: 'auto' };

/** (#21) The article's metadata fields, edited and saved into `NAME.meta.json` (Enter saves, Escape closes). */
export function MetadataDialog({ articleId, initial, onClose }: { articleId: string; initial: ArticleMetadata; onClose: () => void }) {
  const t = useCatalog(metadataCatalog);
  const problemText = useProblemText();
  const [fields, setFields] = useState<Record<MetadataField, string>>(() => Object.fromEntries(METADATA_FIELDS.map((field) => [field, initial[field] ?? ''])) as Record<MetadataField, string>);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    const published = fields.published.trim();
    if (published !== '' && !isIsoDate(published)) {
      setError(t('badDate'));
      return;
    }
    setBusy(true);
    try {
      const result = await saveArticleMetadata(articleId, { ...fields, published }, initial);
      if (result.saved) onClose();
      else setError(result.problem ? t('readOnly', { reason: metadataProblemText(result.problem, t) }) : t('saveFailed', { reason: '' }));
    } catch (failure) {
      setError(t('saveFailed', { reason: problemText(problemOf(failure)) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog className="sheet metadata-editor" label={t('editorTitle')} onEscape={onClose} testId="metadata-editor">
      <h2>{t('editorTitle')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {METADATA_FIELDS.map((field, index) => (
          <FormField
            key={field}
            className="metadata-field"
            label={t(field)}
            name={field}
            dir={FIELD_DIRECTION[field]}
            type={field === 'url' ? 'url' : 'text'}
            placeholder={field === 'published' ? t('publishedHint') : undefined}
            autoFocus={index === 0}
            value={fields[field]}
            onChange={(value) => setFields((previous) => ({ ...previous, [field]: value }))}
          />
        ))}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
          <button type="button" disabled={busy} onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
