import { formatNumber } from '../../i18n/formatNumber';
import type { UiLanguage } from '../../i18n/messages';
import { formatDay } from './leadFormat';

export interface LineSeries {
  key: string;
  label: string;
  color: string;
  /** One value per point of the chart's x axis. */
  values: readonly number[];
}

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, bottom: 36, side: 44 };

/**
 * A line chart of values per day, drawn as SVG. Time runs in the reading direction: right to
 * left in the Persian UI. The y axis shows 0, half and the top value in the UI's digits.
 */
export function LineChart({ title, days, series, language, testId }: { title: string; days: readonly string[]; series: readonly LineSeries[]; language: UiLanguage; testId: string }) {
  const rtl = language === 'fa';
  const max = Math.max(1, ...series.flatMap((line) => line.values));
  const plotWidth = WIDTH - 2 * MARGIN.side;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = days.length > 1 ? plotWidth / (days.length - 1) : 0;
  const xAt = (index: number) => {
    const offset = days.length > 1 ? index * step : plotWidth / 2;
    return rtl ? WIDTH - MARGIN.side - offset : MARGIN.side + offset;
  };
  const yAt = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const axisX = rtl ? WIDTH - MARGIN.side : MARGIN.side;
  const ticks = [0, Math.round(max / 2), max].filter((tick, index, all) => all.indexOf(tick) === index);
  const labelledDays = days.length <= 3 ? days.map((_, index) => index) : [0, Math.floor((days.length - 1) / 2), days.length - 1];
  return (
    <figure className="lead-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={title} style={{ direction: 'ltr' }}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.side} x2={WIDTH - MARGIN.side} y1={yAt(tick)} y2={yAt(tick)} className="lead-chart-grid" />
            <text x={rtl ? axisX + 6 : axisX - 6} y={yAt(tick) + 4} textAnchor={rtl ? 'start' : 'end'} className="lead-chart-value">
              {formatNumber(tick, language)}
            </text>
          </g>
        ))}
        {labelledDays.map((index) => (
          // A Persian date orders its day, month and year right to left only in an RTL run.
          <text key={days[index]} x={xAt(index)} y={HEIGHT - 12} textAnchor="middle" direction={rtl ? 'rtl' : 'ltr'} className="lead-chart-label">
            {formatDay(days[index], language)}
          </text>
        ))}
        {series.map((line) => (
          <g key={line.key} data-series={line.key}>
            <polyline fill="none" stroke={line.color} strokeWidth={2} points={line.values.map((value, index) => `${xAt(index)},${yAt(value)}`).join(' ')} />
            {line.values.map((value, index) => (
              <circle key={days[index]} cx={xAt(index)} cy={yAt(value)} r={3} fill={line.color}>
                <title>{`${line.label} · ${formatDay(days[index], language)}: ${formatNumber(value, language)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <div className="lead-legend">
        {series.map((line) => (
          <span key={line.key}>
            <span className="lead-legend-swatch" style={{ background: line.color }} />
            {line.label}
          </span>
        ))}
      </div>
    </figure>
  );
}
