import type { UiLanguage } from '../messages';
import { fillTemplate, type TemplateValues } from '../template';
import { lazyLanguages } from '../lazyLanguages';

/** One area's words in both languages; the Persian table must hold every English key, or it does not compile. */
export type Catalog<Key extends string> = Readonly<Record<UiLanguage, Record<Key, string>>>;

/** Each language's table is made when first read (lazyLanguages): the language not shown costs no heap. */
export function defineCatalog<const English extends Record<string, string>>(en: () => English, fa: () => Record<keyof English & string, string>): Catalog<keyof English & string> {
  return lazyLanguages<Record<keyof English & string, string>>(en, fa);
}

/** The words of a catalog in a given language, placeholders filled. */
export function catalogText<Key extends string>(catalog: Catalog<Key>, language: UiLanguage): (key: Key, values?: TemplateValues) => string {
  return (key, values) => fillTemplate(catalog[language][key], values, language);
}
