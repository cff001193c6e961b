import { useMemo, useState, type CSSProperties } from 'react';
import { resolveZoneTypes, unknownZoneTypes } from '../../../../shared/zones/zoneTypeResolution';
import type { ZoneType } from '../../../../shared/zones/zoneTypes';
import { useDocumentStore } from '../../store/documentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { markSelectionAsZone, removeZone } from '../../store/flows/judgments/zoning';
import { documentLabelsCatalog } from '../../i18n/catalog/documentLabels';
import { zonesCatalog } from '../../i18n/catalog/zones';
import { useCatalog } from '../../i18n/useCatalog';
import { formatNumber } from '../../i18n/formatNumber';

const ZONE_WORDS = { headline: 'zoneHeadline', body: 'zoneBody', boilerplate: 'zoneBoilerplate' } as const;
const isBuiltIn = (type: string): type is keyof typeof ZONE_WORDS => type in ZONE_WORDS;
const BUILT_IN_ONLY = resolveZoneTypes([]);

/** A type the tag set adds shows its colour as the border; built-in types keep the app's styles. */
function zoneStyle(type: ZoneType | undefined): CSSProperties | undefined {
  return type?.color ? { borderColor: type.color, borderStyle: 'solid', borderInlineStartWidth: '0.3rem' } : undefined;
}

/**
 * (#21) Zones: the selection marked as headline, body, boilerplate or a type the tag set adds
 * (a headline glued to the first sentence is split with a headline zone); the article's zones
 * listed, each removable. A zone whose type the tag set does not know is kept as it is, shown
 * in a neutral style and named in a notice. Buttons keep the text selection (mousedown does not
 * take focus from the article).
 */
export function ZoneBar() {
  const zones = useDocumentStore((state) => state.zones);
  const article = useArticleViewStore((state) => state.article);
  const declared = useCorpusViewStore((state) => state.corpus?.tagSet.zoneTypes);
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const words = useCatalog(zonesCatalog);
  const [hint, setHint] = useState(false);
  const types = declared && declared.length > 0 ? declared : BUILT_IN_ONLY;
  const unknown = useMemo(() => unknownZoneTypes(zones, types), [zones, types]);
  if (!article) return null;
  const readOnly = article.problem !== null;
  const typeOf = (id: string) => types.find((type) => type.id === id);
  const name = (id: string) => (isBuiltIn(id) ? t(ZONE_WORDS[id]) : (typeOf(id)?.label[language] ?? id));
  return (
    <div className="document-label-row zone-bar" role="group" aria-label={t('zones')} data-testid="zone-bar">
      <span className="document-label-name">{t('zones')}</span>
      {types.map((type) => (
        <button
          key={type.id}
          type="button"
          className="document-label-value"
          style={zoneStyle(type)}
          disabled={readOnly}
          data-zone-type={type.id}
          title={t('markAs', { type: name(type.id) })}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setHint(!markSelectionAsZone(type.id))}
        >
          + <bdi>{name(type.id)}</bdi>
        </button>
      ))}
      {zones.map((zone) => {
        const known = typeOf(zone.type) !== undefined || isBuiltIn(zone.type);
        return (
          <span
            key={zone.id}
            className={known ? `zone-chip zone-${zone.type}` : 'zone-chip zone-unknown'}
            style={zoneStyle(typeOf(zone.type))}
            data-zone-id={zone.id}
            data-zone-chip-type={zone.type}
            title={known ? undefined : words('unknownZoneType', { type: zone.type })}
          >
            <bdi>{name(zone.type)}</bdi> {formatNumber(zone.start, language)}–{formatNumber(zone.end, language)}
            <button type="button" className="link-button" disabled={readOnly} aria-label={t('removeZone', { zone: `${name(zone.type)} ${zone.id}` })} onClick={() => removeZone(zone.id)}>
              ×
            </button>
          </span>
        );
      })}
      {unknown.length > 0 ? (
        <span className="notice" role="status" data-testid="unknown-zone-types">
          {words('unknownZoneTypes', { types: unknown.join(language === 'fa' ? '، ' : ', ') })}
        </span>
      ) : null}
      {hint ? <span className="notice">{t('noSelection')}</span> : null}
    </div>
  );
}
