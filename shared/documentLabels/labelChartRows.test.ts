import { describe, expect, it } from 'vitest';
import { labelCounts } from '../metadata/metadataListing';
import type { ArticleSummary } from '../metadata/metadataWire';
import { resolveDimensions } from './dimensions';
import { labelCharts } from './labelChartRows';

const dimensions = resolveDimensions([
  { id: 'stance', kind: 'single', label: { fa: 'موضع', en: 'Stance' }, values: [{ id: 'pro', label: { fa: 'موافق', en: 'For' } }, { id: 'against' }] },
  { id: 'topic', kind: 'multi', values: [{ id: 'economy' }, { id: 'politics' }] },
  { id: 'reliability', kind: 'scale', min: 1, max: 3 },
  { id: 'comment', kind: 'text' },
]);

const summary = (id: string, labels: ArticleSummary['labels']) => ({ id, metadata: {}, labels }) as ArticleSummary;

describe('label charts per dimension (#21)', () => {
  it('counts articles per value, declared values first (zeros too), then undeclared values and dimensions as they are', () => {
    const counts = labelCounts({
      a: summary('a', { stance: 'pro', topic: ['economy', 'politics'], reliability: 3, comment: 'long', mood: 'calm' }),
      b: summary('b', { stance: 'pro', topic: ['economy'], reliability: 3 }),
      c: summary('c', { stance: 'unsure', topic: ['sport'], reliability: 1, mood: 'angry' }),
    });
    const charts = labelCharts(dimensions, counts);
    expect(charts.map((chart) => chart.id)).toEqual(['stance', 'topic', 'reliability', 'mood']);
    expect(charts[0].values.map((value) => [value.id, value.articles, value.label?.en ?? null])).toEqual([
      ['pro', 2, 'For'],
      ['against', 0, 'against'],
      ['unsure', 1, null],
    ]);
    expect(charts[1].values.map((value) => [value.id, value.articles])).toEqual([['economy', 2], ['politics', 1], ['sport', 1]]);
    expect(charts[2].values.map((value) => [value.id, value.articles])).toEqual([['1', 1], ['2', 0], ['3', 2]]);
    expect(charts[3]).toEqual({ id: 'mood', label: null, kind: null, values: [{ id: 'angry', label: null, articles: 1 }, { id: 'calm', label: null, articles: 1 }] });
  });

  it('shows every declared dimension even before anything is labelled', () => {
    expect(labelCharts(dimensions, new Map()).map((chart) => [chart.id, chart.values.reduce((sum, value) => sum + value.articles, 0)])).toEqual([['stance', 0], ['topic', 0], ['reliability', 0]]);
  });
});
