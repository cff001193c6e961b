import { formatNumber } from '../../i18n/formatNumber';
import { statusLabels } from '../../i18n/messages';
import { exportStatsCsv, loadStats } from '../../store/flows/lead';
import { useLeadStore } from '../../store/leadStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { BarChart, type BarDatum } from './BarChart';
import { continuousDays } from './leadFormat';
import { useLeadMessages } from './leadMessages';
import { LineChart } from './LineChart';
import { LabelCharts } from './LabelCharts';

const TOP_ARTICLES = 15;

function bars(record: Record<string, number>, label: (key: string) => string = (key) => key): BarDatum[] {
  return Object.entries(record).map(([key, value]) => ({ key, label: label(key), value }));
}

/** The corpus's figures as charts: per tag, status, annotator and article, document labels per dimension (#21), and progress per day. */
export function StatisticsTab() {
  const stats = useLeadStore((state) => state.stats);
  const message = useLeadStore((state) => state.message);
  const language = usePreferencesStore((state) => state.language);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const t = useLeadMessages();
  if (!stats) return <p className="hint">{t('loading')}</p>;
  const tagLabel = (id: string) => tagSet?.types.find((type) => type.id === id)?.label[language] ?? id;
  const tagColor = (id: string) => tagSet?.types.find((type) => type.id === id)?.color;
  const byAnnotator = Object.keys(stats.byAnnotatorFile).length > 0 ? { title: t('perAnnotatorFiles'), record: stats.byAnnotatorFile } : { title: t('perAuthor'), record: stats.byAuthor };
  const articles = [...stats.perArticle].sort((a, b) => b.annotations - a.annotations || (a.article < b.article ? -1 : 1)).slice(0, TOP_ARTICLES);
  const days = continuousDays([...Object.keys(stats.createdByDay), ...Object.keys(stats.doneByDay)]);
  return (
    <div className="lead-stats">
      <div className="lead-actions">
        <button type="button" onClick={() => void loadStats()}>
          {t('refresh')}
        </button>
        <button type="button" onClick={() => void exportStatsCsv()} data-testid="export-stats-csv">
          {t('exportCsv')}
        </button>
        {message ? (
          <span className="lead-message" role="status" data-testid="stats-saved">
            {t('savedAs')} <bdi>{message}</bdi>
          </span>
        ) : null}
      </div>
      <dl className="lead-totals" data-testid="stats-totals">
        <div>
          <dt>{t('articles')}</dt>
          <dd data-testid="total-articles">{formatNumber(stats.articles, language)}</dd>
        </div>
        <div>
          <dt>{t('annotations')}</dt>
          <dd data-testid="total-annotations">{formatNumber(stats.annotations, language)}</dd>
        </div>
        <div>
          <dt>{t('relations')}</dt>
          <dd>{formatNumber(stats.relations, language)}</dd>
        </div>
        {stats.unreadable.length > 0 ? (
          <div>
            <dt>{t('unreadable')}</dt>
            <dd>{formatNumber(stats.unreadable.length, language)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="lead-charts">
        <BarChart testId="chart-tags" title={t('perTag')} language={language} data={bars(stats.byType, tagLabel).map((datum) => ({ ...datum, color: tagColor(datum.key) }))} />
        <BarChart testId="chart-status" title={t('perStatus')} language={language} data={bars(stats.byStatus, (status) => statusLabels[language][status] ?? status)} />
        <BarChart
          testId="chart-annotators"
          title={byAnnotator.title}
          language={language}
          data={[...bars(byAnnotator.record), ...(byAnnotator.record === stats.byAuthor && stats.withoutAuthor > 0 ? [{ key: '', label: t('withoutAuthor'), value: stats.withoutAuthor, color: 'var(--muted)' }] : [])]}
        />
        <BarChart testId="chart-articles" title={t('perArticle', { n: TOP_ARTICLES })} language={language} data={articles.map((entry) => ({ key: entry.article, label: entry.article, value: entry.annotations, verbatim: true }))} />
        <LabelCharts />
        {days.length > 0 ? (
          <LineChart
            testId="chart-progress"
            title={t('progress')}
            language={language}
            days={days}
            series={[
              { key: 'created', label: t('createdPerDay'), color: 'var(--accent)', values: days.map((day) => stats.createdByDay[day] ?? 0) },
              { key: 'done', label: t('donePerDay'), color: '#2e8b57', values: days.map((day) => stats.doneByDay[day] ?? 0) },
            ]}
          />
        ) : (
          <p className="hint">
            {t('progress')}: {t('noData')}
          </p>
        )}
      </div>
    </div>
  );
}
