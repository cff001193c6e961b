import type { UiLanguage } from './messages';

const formatters: Record<UiLanguage, Intl.NumberFormat> = {
  fa: new Intl.NumberFormat('fa-IR'),
  en: new Intl.NumberFormat('en-US'),
};

/** Numbers in the UI language: Persian digits in the Persian UI. */
export function formatNumber(value: number, language: UiLanguage): string {
  return formatters[language].format(value);
}

const dateFormatters: Record<UiLanguage, Intl.DateTimeFormat> = {
  // The Persian UI shows Jalali (Solar Hijri) dates.
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
};

export function formatDate(iso: string, language: UiLanguage): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormatters[language].format(date);
}
