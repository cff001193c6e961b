import { formatNumber } from './formatNumber';
import type { UiLanguage } from './messages';

/** A value for a `{name}` placeholder: numbers are written in the UI language's digits, text is isolated. */
export type TemplateValue = string | number;
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

/** `{name}`, or `{name:one|other}` for a number followed by its noun in the right plural form ("1 hit", "2 hits"). */
const PLACEHOLDER = /\{(\w+)(?::([^{}|]*)\|([^{}|]*))?\}/g;

const pluralRules = new Map<UiLanguage, Intl.PluralRules>();

/** The noun form for `count` in `language`: English says "1 hit" and "0 hits"; Persian keeps one form. */
function pluralForm(count: number, one: string, other: string, language: UiLanguage): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language === 'fa' ? 'fa-IR' : 'en-US');
    pluralRules.set(language, rules);
  }
  return rules.select(count) === 'one' ? one : other;
}

/** First Strong Isolate … Pop Directional Isolate: a Latin name or a file name keeps its order inside a Persian line. */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * Fills `{name}` and `{name:one|other}` placeholders: a number in the language's digits and separators (Persian digits
 * in the Persian UI), a string bidi-isolated so that brackets around it never scramble. A
 * placeholder without a value is left as it is, which the catalog test would show.
 */
export function fillTemplate(template: string, values: TemplateValues | undefined, language: UiLanguage): string {
  if (!values) return template;
  return template.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, other: string | undefined) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (typeof value !== 'number') return isolateText(value);
    const number = formatNumber(value, language);
    return one === undefined || other === undefined ? number : `${number} ${pluralForm(value, one, other, language)}`;
  });
}
