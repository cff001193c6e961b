import { useState } from 'react';
import { BUILT_IN_ZONE_TYPES } from '../../../../shared/documentLabels/judgmentFormat';
import { useDocumentStore } from '../../store/documentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { markSelectionAsZone, removeZone } from '../../store/flows/judgments/zoning';
import { documentLabelsCatalog } from '../../i18n/catalog/documentLabels';
import { useCatalog } from '../../i18n/useCatalog';
import { formatNumber } from '../../i18n/formatNumber';

const ZONE_WORDS = { headline: 'zoneHeadline', body: 'zoneBody', boilerplate: 'zoneBoilerplate' } as const;
const isBuiltIn = (type: string): type is keyof typeof ZONE_WORDS => type in ZONE_WORDS;

/**
 * (#21) Zones: the selection marked as headline, body or boilerplate (a headline glued to the
 * first sentence is split with a headline zone); the article's zones listed, each removable.
 * Buttons keep the text selection (mousedown does not take focus from the article).
 */
export function ZoneBar() {
  const zones = useDocumentStore((state) => state.zones);
  const article = useArticleViewStore((state) => state.article);
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const [hint, setHint] = useState(false);
  if (!article) return null;
  const readOnly = article.problem !== null;
  const name = (type: string) => (isBuiltIn(type) ? t(ZONE_WORDS[type]) : type);
  return (
    <div className="document-label-row zone-bar" role="group" aria-label={t('zones')} data-testid="zone-bar">
      <span className="document-label-name">{t('zones')}</span>
      {BUILT_IN_ZONE_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className="document-label-value"
          disabled={readOnly}
          data-zone-type={type}
          title={t('markAs', { type: name(type) })}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setHint(!markSelectionAsZone(type))}
        >
          + {name(type)}
        </button>
      ))}
      {zones.map((zone) => (
        <span key={zone.id} className={`zone-chip zone-${zone.type}`} data-zone-id={zone.id}>
          {name(zone.type)} {formatNumber(zone.start, language)}–{formatNumber(zone.end, language)}
          <button type="button" className="link-button" disabled={readOnly} aria-label={t('removeZone', { zone: `${name(zone.type)} ${zone.id}` })} onClick={() => removeZone(zone.id)}>
            ×
          </button>
        </span>
      ))}
      {hint ? <span className="notice">{t('noSelection')}</span> : null}
    </div>
  );
}
