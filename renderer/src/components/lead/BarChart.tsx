import { formatNumber } from '../../i18n/formatNumber';
import type { UiLanguage } from '../../i18n/messages';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  color?: string;
  /** The label is a name shown as it is (an article's file name), digits and all. */
  verbatim?: boolean;
}

const WIDTH = 640;
const ROW = 24;
const LABEL = 190;
const VALUE = 64;

/**
 * A horizontal bar chart drawn as SVG. Mirrored in the Persian UI: labels on the right, bars
 * growing leftwards. The SVG's own direction is fixed LTR so that the coordinates mean the same
 * in both languages; each label still shapes and orders as its own script requires.
 */
export function BarChart({ title, data, language, testId }: { title: string; data: readonly BarDatum[]; language: UiLanguage; testId: string }) {
  const rtl = language === 'fa';
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const barSpace = WIDTH - LABEL - VALUE;
  const height = Math.max(1, data.length) * ROW + 8;
  return (
    <figure className="lead-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} style={{ direction: 'ltr' }}>
        {data.map((datum, index) => {
          const length = Math.max(datum.value > 0 ? 2 : 0, (datum.value / max) * barSpace);
          const y = 4 + index * ROW;
          const labelX = rtl ? WIDTH - 4 : LABEL - 8;
          const barX = rtl ? WIDTH - LABEL - length : LABEL;
          const valueX = rtl ? barX - 6 : LABEL + length + 6;
          return (
            <g key={datum.key} data-bar={datum.key}>
              <title data-verbatim={datum.verbatim || undefined}>{`${datum.label}: ${formatNumber(datum.value, language)}`}</title>
              <text x={labelX} y={y + ROW / 2 + 5} textAnchor="end" className="lead-chart-label" data-verbatim={datum.verbatim || undefined}>
                {datum.label.length > 28 ? `${datum.label.slice(0, 27)}…` : datum.label}
              </text>
              <rect x={barX} y={y + 3} width={length} height={ROW - 8} rx={3} fill={datum.color ?? 'var(--accent)'} />
              <text x={valueX} y={y + ROW / 2 + 5} textAnchor={rtl ? 'end' : 'start'} className="lead-chart-value">
                {formatNumber(datum.value, language)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
