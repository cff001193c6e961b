import { useMemo } from 'react';
import { labelCharts } from '../../../../shared/documentLabels/labelChartRows';
import { labelCounts } from '../../../../shared/metadata/metadataListing';
import { documentLabelsCatalog } from '../../i18n/catalog/documentLabels';
import { formatNumber } from '../../i18n/formatNumber';
import { useCatalog } from '../../i18n/useCatalog';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useMetadataStore } from '../../store/window/metadataStore';
import { BarChart } from './BarChart';

/** A scale's point (or any value that is a whole number) in the UI's digits; names as they are. */
const shown = (text: string, language: 'fa' | 'en') => (/^-?\d+$/.test(text) ? formatNumber(Number(text), language) : text);

/**
 * (#21) Document labels in the statistics: one chart per dimension, articles per value, from the
 * file list's summaries of every article. Values and dimensions the tag set does not declare are
 * charted as they are, marked as such.
 */
export function LabelCharts() {
  const summaries = useMetadataStore((state) => state.summaries);
  const dimensions = useCorpusViewStore((state) => state.corpus?.tagSet.dimensions);
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const charts = useMemo(() => labelCharts(dimensions ?? [], labelCounts(summaries)), [dimensions, summaries]);
  if (charts.length === 0) return null;
  return (
    <>
      {charts.map((chart) => (
        <BarChart
          key={chart.id}
          testId={`chart-labels-${chart.id}`}
          title={chart.label ? t('labelChart', { dimension: chart.label[language] }) : t('labelChartUndeclared', { dimension: chart.id })}
          language={language}
          data={chart.values.map((value) => ({
            key: value.id,
            label: value.label ? shown(value.label[language], language) : t('valueUndeclared', { value: shown(value.id, language) }),
            value: value.articles,
            ...(value.label ? {} : { color: 'var(--muted)' }),
          }))}
        />
      ))}
    </>
  );
}
