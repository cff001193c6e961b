import { describe, expect, it } from 'vitest';
import { UserProblemSchema, type UserProblemCode, type UserProblemOf } from '../../../shared/userProblem';
import { problemText, problemWords } from './problemMessages';

/**
 * One example of every code of the catalogue. Typed by code: a code added to shared/userProblem.ts
 * without an example here does not compile (and problemMessages.ts's tables likewise).
 */
const EXAMPLES: { [C in UserProblemCode]: UserProblemOf<C> } = {
  diskFull: { code: 'diskFull', file: 'خبر.ann.json' },
  fileLocked: { code: 'fileLocked', file: 'خبر.ann.json' },
  readOnly: { code: 'readOnly', file: 'report.ann.json', reason: 'file-mode' },
  writeFailed: { code: 'writeFailed', file: 'a.ann.json', errno: 'EIO' },
  articleChangedOnDisk: { code: 'articleChangedOnDisk' },
  saveConflicts: { code: 'saveConflicts', count: 3 },
  saveBaseUnknown: { code: 'saveBaseUnknown' },
  saveRefused: { code: 'saveRefused', file: 'a.ann.json' },
  editsOnOtherText: { code: 'editsOnOtherText' },
  editsNotApplicable: { code: 'editsNotApplicable' },
  noArticleOpen: { code: 'noArticleOpen' },
  exportUnsavedEdits: { code: 'exportUnsavedEdits' },
  badSentenceCount: { code: 'badSentenceCount' },
  tooManyEntries: { code: 'tooManyEntries', field: 'annotations', count: 1_200_000, limit: 1_000_000 },
  outsideCorpus: { code: 'outsideCorpus', file: 'hashiye.json' },
  danglingLink: { code: 'danglingLink', file: 'b.txt' },
  notRegularFile: { code: 'notRegularFile', file: 'fifo.ann.json' },
  fileTooLarge: { code: 'fileTooLarge', file: 'big.txt', bytes: 20 * 1024 * 1024, limit: 16 * 1024 * 1024 },
  beingWritten: { code: 'beingWritten', file: 'c.txt' },
  linkedFolder: { code: 'linkedFolder', file: 'mirror' },
  fileMissing: { code: 'fileMissing', file: 'gone.txt' },
  articleUnreadable: { code: 'articleUnreadable', file: 'binary.txt', format: 'PNG' },
  duplicateIds: { code: 'duplicateIds', of: 'annotation', ids: ['dup', 'T2'], more: 12 },
  relationsToMissing: { code: 'relationsToMissing', relations: ['R1'], more: 0 },
  tagSetNotJson: { code: 'tagSetNotJson', file: 'hashiye.json' },
  tagSetInvalid: { code: 'tagSetInvalid', file: 'hashiye.json', field: 'types.0.id' },
  tagSetNoTypes: { code: 'tagSetNoTypes', file: 'annotation.conf' },
  tagSetLines: { code: 'tagSetLines', file: 'annotation.conf', lines: [3, 17], more: 2 },
  tagSetMissing: { code: 'tagSetMissing', file: 'annotation.conf' },
  tagSetPerFolder: { code: 'tagSetPerFolder', file: 'annotation.conf', folders: 2, shownFrom: 'news' },
  bratTagSetReadOnly: { code: 'bratTagSetReadOnly' },
  tagSetNotReplaced: { code: 'tagSetNotReplaced', file: 'hashiye.json', refusal: 'outside-corpus' },
  noCorpus: { code: 'noCorpus' },
  notAFolder: { code: 'notAFolder', path: '/home/analyst/notes.txt' },
  folderMissing: { code: 'folderMissing', path: '/home/analyst/gone' },
  dropNotArticle: { code: 'dropNotArticle' },
  dropTooWide: { code: 'dropTooWide', path: '/' },
  notOpenable: { code: 'notOpenable', file: 'notes.pdf' },
  badArticleId: { code: 'badArticleId', id: '../etc/passwd' },
  notBroken: { code: 'notBroken', file: 'a.ann.json', readOnly: true },
  transferBusy: { code: 'transferBusy', job: 'import' },
  unavailable: { code: 'unavailable', action: 'pickExportFolder' },
  exportIntoCorpus: { code: 'exportIntoCorpus', path: '/corpus/out' },
  exportArticlesMissing: { code: 'exportArticlesMissing', ids: ['x.txt'], more: 0 },
  importSourceMissing: { code: 'importSourceMissing', path: '/data/none.conll' },
  importIntoSource: { code: 'importIntoSource' },
  importTargetNotFolder: { code: 'importTargetNotFolder', path: '/data/file' },
  importTargetNotEmpty: { code: 'importTargetNotEmpty', path: '/data/full', entries: 42 },
  importUnknownFormat: { code: 'importUnknownFormat', path: '/data/x.bin' },
  importNothingFound: { code: 'importNothingFound', format: 'conll', path: '/data/empty' },
  invalidRequest: { code: 'invalidRequest', channel: 'article.load', field: 'id' },
  refusedSender: { code: 'refusedSender', channel: 'app.init' },
  unexpected: { code: 'unexpected', detail: 'TypeError: x is undefined' },
  curationNeedsAnnotators: { code: 'curationNeedsAnnotators', article: 'news/a3.txt', usable: ['maryam'], broken: 1 },
  curationRefused: { code: 'curationRefused', article: 'news/a1.txt', reason: 'annotator-missing', names: ['nobody'] },
  agreementSameAnnotator: { code: 'agreementSameAnnotator', annotator: 'sara' },
  agreementUnknownAnnotators: { code: 'agreementUnknownAnnotators', names: ['nobody'], known: ['sara', 'ali'] },
  curationGroupGone: { code: 'curationGroupGone', article: 'news/a1.txt' },
  curationDecisionInvalid: { code: 'curationDecisionInvalid', article: 'news/a1.txt' },
  entitiesBroken: { code: 'entitiesBroken', file: 'entities.json', field: 'entities.0.wikidata' },
  entityMissing: { code: 'entityMissing', entity: 'e1' },
  entitiesChangedOnDisk: { code: 'entitiesChangedOnDisk', file: 'entities.json' },
  entitiesConflict: { code: 'entitiesConflict', file: 'entities.json', entities: ['e1'] },
  metadataConflict: { code: 'metadataConflict', file: 'news.meta.json', fields: ['title'] },
  taggerRefused: { code: 'taggerRefused', url: 'http://127.0.0.1:8000/tag' },
  taggerTimeout: { code: 'taggerTimeout', url: 'http://127.0.0.1:8000/tag', seconds: 60 },
  taggerHttpStatus: { code: 'taggerHttpStatus', url: 'http://127.0.0.1:8000/tag', status: 500 },
  taggerBadJson: { code: 'taggerBadJson', url: 'http://127.0.0.1:8000/tag' },
  taggerUnreachable: { code: 'taggerUnreachable', url: 'http://tagger.lan/tag', errno: 'ENOTFOUND' },
  taggerNeedsConfirmation: { code: 'taggerNeedsConfirmation', url: 'https://tagger.example.org/ner' },
  taggerBadUrl: { code: 'taggerBadUrl', url: 'ftp://x' },
  taggerSpansRefused: { code: 'taggerSpansRefused', article: 'خبر.txt', count: 2 },
  gazetteerBadLines: { code: 'gazetteerBadLines', file: 'names.tsv', count: 3, lines: [2, 7, 12] },
  gazetteerEmpty: { code: 'gazetteerEmpty', file: 'names.tsv' },
  gazetteerOutsideCorpus: { code: 'gazetteerOutsideCorpus', file: '../names.tsv' },
  gazetteerNotUtf8: { code: 'gazetteerNotUtf8', file: 'names.tsv' },
  gazetteerRegistryEmpty: { code: 'gazetteerRegistryEmpty' },
  entityLinkBratMode: { code: 'entityLinkBratMode' },
  pretagAnnotatorFileBroken: { code: 'pretagAnnotatorFileBroken', article: 'خبر.txt', annotator: 'gazetteer' },
  pretagBusy: { code: 'pretagBusy' },
};

/** Text with every isolated run (a file name, a path, a technical name: FSI…PDI) taken out. */
function withoutIsolates(text: string): string {
  return text.replace(/\u2068[^\u2069]*\u2069/g, '');
}

/** Parameters that are names (of files, folders, ids): shown exactly as they are. */
const NAME_FIELDS = new Set(['file', 'path', 'shownFrom', 'errno', 'format', 'id', 'ids', 'relations', 'article', 'usable', 'names']);

const catalogueCodes = UserProblemSchema.options.map((option) => option.shape.code.value).sort();

describe('problem messages', () => {
  it('cover every code of the catalogue, in both languages', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(catalogueCodes);
    expect(Object.keys(problemWords.fa).sort()).toEqual(catalogueCodes);
    expect(Object.keys(problemWords.en).sort()).toEqual(catalogueCodes);
    for (const example of Object.values(EXAMPLES)) expect(UserProblemSchema.safeParse(example).success, example.code).toBe(true);
  });

  it('in Persian: Persian words and digits only, names isolated as they are', () => {
    for (const example of Object.values(EXAMPLES)) {
      const text = problemText(example, 'fa');
      const bare = withoutIsolates(text);
      expect(bare, example.code).toMatch(/[\u0600-\u06FF]/);
      expect(bare, `${example.code}: ${text}`).not.toMatch(/[A-Za-z0-9]/);
      // Every parameter that is a name comes through whole.
      const names = Object.entries(example).flatMap(([key, value]) => (NAME_FIELDS.has(key) ? (Array.isArray(value) ? value : [value]) : []));
      for (const name of names) expect(text, example.code).toContain(String(name));
    }
    expect(problemText(EXAMPLES.saveConflicts, 'fa')).toContain('۳');
    expect(problemText(EXAMPLES.duplicateIds, 'fa')).toContain('۱۲');
    expect(problemText(EXAMPLES.tooManyEntries, 'fa')).toContain('۱٬۲۰۰٬۰۰۰');
    expect(problemText(EXAMPLES.fileTooLarge, 'fa')).toContain('۱۶');
    // Too few annotators to curate says what to do: give the article to a second annotator.
    expect(problemText(EXAMPLES.curationNeedsAnnotators, 'fa')).toContain('برچسب‌زن دومی');
    expect(problemText(EXAMPLES.curationNeedsAnnotators, 'en')).toContain('second annotator');
  });

  it('in English: no Persian script outside the names, Latin digits', () => {
    for (const example of Object.values(EXAMPLES)) {
      const text = problemText(example, 'en');
      expect(withoutIsolates(text), example.code).toMatch(/[A-Za-z]/);
      expect(withoutIsolates(text), example.code).not.toMatch(/[\u0600-\u06FF]/);
    }
    expect(problemText(EXAMPLES.tooManyEntries, 'en')).toContain('1,200,000');
    expect(problemText(EXAMPLES.readOnly, 'en')).toBe('\u2068report.ann.json\u2069 is read-only: its permissions do not allow writing.');
  });

  it('never show main’s English detail as the text (it is for the tooltip)', () => {
    expect(problemText(EXAMPLES.unexpected, 'fa')).not.toContain('TypeError');
    expect(problemText(EXAMPLES.unexpected, 'en')).not.toContain('TypeError');
  });
});
