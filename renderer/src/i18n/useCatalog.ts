import { usePreferencesStore } from '../store/preferencesStore';
import { catalogText, type Catalog } from './catalog/defineCatalog';
import type { TemplateValues } from './template';

/** An area's words in the UI language, following a language switch, placeholders filled. */
export function useCatalog<Key extends string>(catalog: Catalog<Key>): (key: Key, values?: TemplateValues) => string {
  const language = usePreferencesStore((state) => state.language);
  return catalogText(catalog, language);
}
