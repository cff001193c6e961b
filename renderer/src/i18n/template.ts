import { formatNumber } from './formatNumber';
import type { UiLanguage } from './messages';

/** A value for a `{name}` placeholder: numbers are written in the UI language's digits, text is isolated. */
export type TemplateValue = string | number;
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** First Strong Isolate … Pop Directional Isolate: a Latin name or a file name keeps its order inside a Persian line. */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * Fills `{name}` placeholders: a number in the language's digits and separators (Persian digits
 * in the Persian UI), a string bidi-isolated so that brackets around it never scramble. A
 * placeholder without a value is left as it is, which the catalog test would show.
 */
export function fillTemplate(template: string, values: TemplateValues | undefined, language: UiLanguage): string {
  if (!values) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, language) : isolateText(value);
  });
}
