import type { MetadataProblem } from '../../../../shared/metadata/metadataWire';
import type { metadataCatalog } from '../../i18n/catalog/metadata';
import type { TemplateValues } from '../../i18n/template';

type Words = (key: keyof (typeof metadataCatalog)['en'], values?: TemplateValues) => string;

/** Why a `NAME.meta.json` cannot be used, in the user's language (main's English detail in brackets). */
export function metadataProblemText(problem: MetadataProblem, words: Words): string {
  return words(problem.code, { file: problem.file, field: problem.field ?? '', detail: problem.detail });
}
