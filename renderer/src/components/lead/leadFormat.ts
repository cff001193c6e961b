import type { UiLanguage } from '../../i18n/messages';

const ratioFormatters: Record<UiLanguage, Intl.NumberFormat> = {
  fa: new Intl.NumberFormat('fa-IR', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
};

/** A precision, recall, F1 or kappa with three decimals; a 0/0 figure (null) is "—", never 0 or 1. */
export function formatRatio(value: number | null, language: UiLanguage): string {
  return value === null ? '—' : ratioFormatters[language].format(value);
}

const dayFormatters: Record<UiLanguage, Intl.DateTimeFormat> = {
  // The Persian UI shows Jalali (Solar Hijri) dates, as the rest of the app does.
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
};

/** A `YYYY-MM-DD` day (the annotators' own calendar day) in the UI language's calendar. */
export function formatDay(day: string, language: UiLanguage): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormatters[language].format(date);
}

/**
 * Every day from the first to the last of the given days, so that a quiet day shows as zero
 * rather than being skipped. Past about two years the days are kept as they are.
 */
export function continuousDays(days: readonly string[]): string[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  const first = Date.parse(`${sorted[0]}T00:00:00Z`);
  const last = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const dayLength = 86_400_000;
  if (Number.isNaN(first) || Number.isNaN(last) || (last - first) / dayLength > 800) return sorted;
  const result: string[] = [];
  for (let time = first; time <= last; time += dayLength) result.push(new Date(time).toISOString().slice(0, 10));
  return result;
}
