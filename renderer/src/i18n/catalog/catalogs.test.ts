import { describe, expect, it } from 'vitest';
import { menuLabels } from '../../../../shared/i18n/menuCatalog';
import { leadMessages } from '../../components/lead/leadMessages';
import { exportProblemDetails, exportProblemWords } from '../../components/transfer/exportProblemText';
import { EXPORT_FORMAT_DESCRIPTIONS, IMPORT_FORMAT_DESCRIPTIONS, transferTexts } from '../../components/transfer/transferText';
import { messages, statusLabels } from '../messages';
import { annotationCatalog } from './annotation';
import { appCatalog } from './app';
import { articleCatalog } from './article';
import { corpusCatalog } from './corpus';
import { findCatalog } from './find';
import { importReasonCatalog } from './importReasons';
import { helpCatalog } from './help';
import { documentLabelsCatalog } from './documentLabels';
import { entitiesCatalog } from './entities';
import { relationsCatalog } from './relations';
import { zonesCatalog } from './zones';
import { tagSetRelationsCatalog } from './tagSetRelations';

type Table = Readonly<Record<string, string>>;

/** Every catalog the user reads, by area: the window's, the native menu's, the reports'. */
const CATALOGS: Record<string, { en: Table; fa: Table }> = {
  ui: messages,
  status: statusLabels,
  menu: menuLabels,
  lead: leadMessages,
  transfer: transferTexts,
  exportProblems: exportProblemWords,
  exportProblemDetails,
  find: findCatalog,
  importReasons: importReasonCatalog,
  corpus: corpusCatalog,
  annotation: annotationCatalog,
  article: articleCatalog,
  help: helpCatalog,
  app: appCatalog,
  documentLabels: documentLabelsCatalog,
  entities: entitiesCatalog,
  relations: relationsCatalog,
  zones: zonesCatalog,
  tagSetRelations: tagSetRelationsCatalog,
  exportFormats: {
    en: Object.fromEntries(Object.entries(EXPORT_FORMAT_DESCRIPTIONS).map(([id, words]) => [id, words.en])),
    fa: Object.fromEntries(Object.entries(EXPORT_FORMAT_DESCRIPTIONS).map(([id, words]) => [id, words.fa])),
  },
  importFormats: {
    en: Object.fromEntries(Object.entries(IMPORT_FORMAT_DESCRIPTIONS).map(([id, words]) => [id, words.en])),
    fa: Object.fromEntries(Object.entries(IMPORT_FORMAT_DESCRIPTIONS).map(([id, words]) => [id, words.fa])),
  },
};

/** A placeholder's name: `{count}` and `{count:hit|hits}` both name `count`. */
const PLACEHOLDER = /\{(\w+)(?::[^{}]*)?\}/g;
const ISOLATED = /\u2068[^\u2069]*\u2069/g;

/** What a Persian value says outside its placeholders and its isolated (FSI…PDI) runs. */
function persianOutsideIsolates(value: string): string {
  return value.replace(PLACEHOLDER, '').replace(ISOLATED, '');
}

describe('message catalogs', () => {
  for (const [area, catalog] of Object.entries(CATALOGS)) {
    it(`${area}: every key has a non-empty value in both languages, with the same placeholders`, () => {
      expect(Object.keys(catalog.fa).sort()).toEqual(Object.keys(catalog.en).sort());
      for (const key of Object.keys(catalog.en)) {
        expect(catalog.en[key].trim(), `${area}.${key} (en)`).not.toBe('');
        expect(catalog.fa[key].trim(), `${area}.${key} (fa)`).not.toBe('');
        const placeholders = (value: string) => [...value.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
        expect(placeholders(catalog.fa[key]), `${area}.${key} placeholders`).toEqual(placeholders(catalog.en[key]));
      }
    });

    it(`${area}: Persian values hold no Latin letters or digits outside isolated placeholders`, () => {
      const offenders = Object.entries(catalog.fa).filter(([, value]) => /[A-Za-z0-9]/.test(persianOutsideIsolates(value)));
      expect(offenders.map(([key, value]) => `${area}.${key}: ${value}`)).toEqual([]);
    });
  }

  it('the Persian rule is itself checked: a bare Latin word is found, an isolated one is not', () => {
    expect(/[A-Za-z0-9]/.test(persianOutsideIsolates('پروندهٔ JSON'))).toBe(true);
    expect(/[A-Za-z0-9]/.test(persianOutsideIsolates('پروندهٔ \u2068JSON\u2069 و {count}'))).toBe(false);
  });
});
