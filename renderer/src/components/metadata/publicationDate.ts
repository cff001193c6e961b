import { isIsoDate } from '../../../../shared/metadata/metadataFields';
import type { UiLanguage } from '../../i18n/messages';

/**
 * (#21) A publication date as the header shows it: the Jalali (Solar Hijri) calendar with
 * Persian digits in the Persian UI, the Gregorian calendar in English. The date is a calendar
 * day, so it is read and shown at UTC: no time zone moves it to the day before.
 */
const formatters: Record<UiLanguage, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

export function formatPublicationDate(iso: string, language: UiLanguage): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-').map(Number);
  // Some engines add the era ("۱۴۰۳ ه‍.ش."); the calendar is plain from the month's name.
  return formatters[language].format(new Date(Date.UTC(year, month - 1, day))).replace(/\s*ه‍\.ش\.?$/, '');
}
