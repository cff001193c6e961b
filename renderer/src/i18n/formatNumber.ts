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

/**
 * A key's name as printed on the key cap ("1", "Shift+1") with its digits in the UI language: the
 * Persian number row is printed ۱۲۳, and the Persian UI shows no Latin digits.
 */
export function keyLabelDigits(label: string, language: UiLanguage): string {
  return language === 'fa' ? label.replace(/[0-9]/g, (digit) => formatNumber(Number(digit), language)) : label;
}
