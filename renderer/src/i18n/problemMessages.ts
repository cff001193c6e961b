import type { UserProblem, UserProblemCode, UserProblemOf } from '../../../shared/userProblem';
import { formatNumber } from './formatNumber';
import type { UiLanguage } from './messages';

/**
 * Every problem main reports (shared/userProblem.ts UserProblemSchema), in Persian and in English. The
 * tables are typed by code, so a code added to the catalogue without its words in both languages
 * does not compile. File names and paths are wrapped in FSI…PDI (U+2068, U+2069), so that a Latin
 * name keeps its order inside a Persian sentence; numbers come in the language's digits.
 */
type Words = { [C in UserProblemCode]: (problem: UserProblemOf<C>, number: (value: number) => string) => string };

/** First Strong Isolate … Pop Directional Isolate: a name shown as it is, whatever the sentence's direction. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

const MEGABYTE = 1024 * 1024;

function megabytes(bytes: number, number: (value: number) => string): string {
  return number(Math.round((bytes / MEGABYTE) * 10) / 10);
}

interface ListWords {
  separator: string;
  andMore: (count: string) => string;
}

const EN_LIST: ListWords = { separator: ', ', andMore: (count) => `and ${count} more` };
const FA_LIST: ListWords = { separator: '، ', andMore: (count) => `و ${count} مورد دیگر` };

/** Ids as «id», at most the ones main sent, and how many more there are. */
function listed(ids: readonly string[], more: number, number: (value: number) => string, words: ListWords): string {
  const shown = ids.map((id) => isolate(`«${id}»`)).join(words.separator);
  return more > 0 ? `${shown} ${words.andMore(number(more))}` : shown;
}

/** Why a corpus file is not one of its own (corpusFileAccess.ts refusals), as a clause. */
const REFUSALS: Record<UiLanguage, Record<UserProblemOf<'tagSetNotReplaced'>['refusal'], string>> = {
  en: {
    'outside-corpus': 'it leads outside the corpus',
    'dangling-link': 'it is a link whose target does not exist',
    'not-regular-file': 'it is not a regular file',
    'too-large': 'it is too large',
    'being-written': 'another program is writing it',
    'linked-folder': 'it is a link to a folder',
  },
  fa: {
    'outside-corpus': 'به بیرون از پیکره پیوند دارد',
    'dangling-link': 'پیوندی است که مقصدش وجود ندارد',
    'not-regular-file': 'پروندهٔ معمولی نیست',
    'too-large': 'بیش از اندازه بزرگ است',
    'being-written': 'برنامهٔ دیگری در حال نوشتن آن است',
    'linked-folder': 'پیوند به یک پوشه است',
  },
};

const en: Words = {
  diskFull: ({ file }) => `The disk is full${file ? ` (${isolate(file)})` : ''}: nothing was written over the file, which is as it was. Free some space.`,
  fileLocked: ({ file }) => `Another Hashiye window is saving ${isolate(file)} at this moment.`,
  readOnly: ({ file, reason }) => {
    const why = {
      'file-mode': 'its permissions do not allow writing',
      'folder-mode': 'its folder does not allow writing',
      'read-only-file-system': 'the disk is mounted read-only',
      immutable: 'the system refuses changes to it',
      permission: 'you may not write it or its folder',
    }[reason];
    return `${file ? isolate(file) : 'The file'} is read-only: ${why}.`;
  },
  writeFailed: ({ file, errno }) => `The disk refused to write ${file ? isolate(file) : 'the file'} (${isolate(errno)}).`,
  articleChangedOnDisk: () => 'Not saved: the article changed on disk since it was opened. Reopen it.',
  saveConflicts: ({ count }, number) => `Not saved: another writer changed ${number(count)} of the items you changed too. Choose which version to keep.`,
  saveBaseUnknown: () => 'The save is being sent again in full.',
  editsOnOtherText: () => 'These edits were made on another version of the article’s text and are not saved.',
  editsNotApplicable: () => 'The annotation file cannot be used now; these edits are not saved and are kept.',
  noArticleOpen: () => 'No article is open.',
  exportUnsavedEdits: () => 'The open article’s edits could not be saved; nothing was exported.',
  badSentenceCount: () => 'Sentences per article must be a whole number above 0.',
  saveRefused: ({ file }) => `Not saved: ${isolate(file)} on disk cannot be replaced safely; it was left as it is.`,
  tooManyEntries: ({ field, count, limit }, number) =>
    `Not saved: ${number(count)} ${{ annotations: 'annotations', relations: 'relations', labels: 'labels' }[field]} are more than the ${number(limit)} an article can hold.`,
  outsideCorpus: ({ file }) => `${isolate(file)} was not read: it leads outside the corpus.`,
  danglingLink: ({ file }) => `${isolate(file)} was not read: it is a link whose target does not exist.`,
  notRegularFile: ({ file }) => `${isolate(file)} was not read: it is not a regular file (a FIFO, device or socket).`,
  fileTooLarge: ({ file, bytes, limit }, number) =>
    `${isolate(file)} was not read: it is too large${bytes !== null ? ` (${megabytes(bytes, number)} MB)` : ''}${limit !== null ? `; the limit is ${megabytes(limit, number)} MB` : ''}.`,
  beingWritten: ({ file }) => `${isolate(file)} was not read: another program was writing it. Try again in a moment.`,
  linkedFolder: ({ file }) => `${isolate(file)} is a link to a folder of the corpus; its files are listed where they are.`,
  fileMissing: ({ file }) => `${file ? isolate(file) : 'The file'} does not exist (any more).`,
  articleUnreadable: ({ file, format }) => `${isolate(file)} cannot be read as text${format ? `: it is a ${isolate(format)} file` : ''}.`,
  duplicateIds: ({ of, ids, more }, number) => `${of === 'annotation' ? 'Annotation' : 'Relation'} ids used more than once: ${listed(ids, more, number, EN_LIST)}.`,
  relationsToMissing: ({ relations, more }, number) => `Relations pointing at annotations that do not exist: ${listed(relations, more, number, EN_LIST)}.`,
  tagSetNotJson: ({ file }) => `${isolate(file)} is not valid JSON; the default tag set is shown.`,
  tagSetInvalid: ({ file, field }) => `${isolate(file)} has an invalid field${field ? ` (${isolate(field)})` : ''}; the default tag set is shown.`,
  tagSetNoTypes: ({ file }) => `${isolate(file)} defines no entity type; the default tag set is shown.`,
  tagSetLines: ({ file, lines, more }, number) => `Lines of ${isolate(file)} that could not be used were left out: ${lines.map(number).join(', ')}${more > 0 ? ` and ${number(more)} more` : ''}.`,
  tagSetMissing: ({ file }) => `No ${isolate(file)} in this folder or above it; the default tag set is shown.`,
  tagSetPerFolder: ({ file, folders, shownFrom }, number) =>
    `${number(folders)} folders have their own ${isolate(file)}; the list shows the one in ${shownFrom ? isolate(shownFrom) : 'the corpus folder'}, and each article uses the one nearest to it.`,
  bratTagSetReadOnly: () => 'The tag set of a brat corpus comes from annotation.conf; edit it there.',
  tagSetNotReplaced: ({ file, refusal }) =>
    `The tag set was not saved: ${isolate(file)} cannot be replaced here, as ${REFUSALS.en[refusal]}. Replace it with a file of its own in the corpus folder to edit the tag set here.`,
  noCorpus: () => 'No corpus is open.',
  notAFolder: ({ path }) => `${isolate(path)} is not a folder.`,
  folderMissing: ({ path }) => `${isolate(path)} does not exist.`,
  dropNotArticle: () => 'Drop a folder of articles or an article (.txt file).',
  notOpenable: ({ file }) => `${isolate(file)} cannot be opened here: open a corpus folder, its hashiye.json, an article (.txt) or its annotations (.ann.json).`,
  dropTooWide: ({ path }) => `${isolate(path)} is too wide to open as a corpus; drop the folder that holds the articles.`,
  badArticleId: ({ id }) => `${isolate(id)} is not an article of this corpus.`,
  notBroken: ({ file, readOnly }) => `${isolate(file)} is ${readOnly ? 'read-only, not broken' : 'not broken'}; it stays where it is.`,
  transferBusy: ({ job }) => `An ${job} is already running; wait for it or cancel it.`,
  unavailable: ({ action }) =>
    ({
      export: 'Open a corpus before exporting.',
      pickExportFolder: 'This window cannot choose an export folder.',
      pickImportSource: 'This window cannot choose what to import.',
      pickImportTarget: 'This window cannot choose a folder for the new corpus.',
      openImported: 'Nothing has been imported yet.',
      pickSaveFile: 'This window cannot choose a file to save to.',
    })[action],
  exportIntoCorpus: ({ path }) => `Export into a folder outside the corpus: ${isolate(path)} is inside it.`,
  exportArticlesMissing: ({ ids, more }, number) => `No such article in the corpus: ${listed(ids, more, number, EN_LIST)}.`,
  importSourceMissing: ({ path }) => `Nothing to import: ${isolate(path)} does not exist.`,
  importIntoSource: () => 'The new corpus folder cannot be the folder being imported.',
  importTargetNotFolder: ({ path }) => `${isolate(path)} exists and is not a folder.`,
  importTargetNotEmpty: ({ path, entries }, number) => `${isolate(path)} is not empty (${number(entries)} entries); import into a new or empty folder: nothing is ever overwritten.`,
  importUnknownFormat: ({ path }) => `The format of ${isolate(path)} is not known.`,
  importNothingFound: ({ format, path }) => `No ${isolate(format)} files found in ${isolate(path)}.`,
  invalidRequest: () => 'The window sent a request the app refused. Please report this.',
  refusedSender: () => 'A call from a page that is not the app was refused.',
  unexpected: () => 'Something unexpected went wrong; hover for the details.',
  curationNeedsAnnotators: ({ article, usable, broken }, number) =>
    `Curation compares the work of at least two annotators, and ${isolate(article)} has ${usable.length === 0 ? 'no annotator file' : `only ${listed(usable, 0, number, EN_LIST)}`} to compare${broken > 0 ? ` (${number(broken)} more cannot be read)` : ''}. Give the article to a second annotator in the Annotators tab (assign it, or split the file by author), then come back here.`,
  curationRefused: ({ article, reason, names }, number) =>
    ({
      'annotator-missing': `No annotation file of ${listed(names, 0, number, EN_LIST)} for ${isolate(article)}; refresh the Annotators tab.`,
      'record-invalid': `The curation record in ${isolate(article)}'s curated file is not valid; the file is left untouched.`,
      'curated-broken': `The curated file of ${isolate(article)} cannot be used; it is left untouched.`,
    })[reason],
  agreementSameAnnotator: ({ annotator }) => `Choose two different annotators to compare (${isolate(annotator)} was chosen twice).`,
  agreementUnknownAnnotators: ({ names, known }, number) =>
    `This corpus has no annotation files of ${listed(names, 0, number, EN_LIST)}${known.length > 0 ? `; its annotators are ${listed(known, 0, number, EN_LIST)}` : '; it has no annotator files yet'}. Refresh the Annotators tab.`,
  curationGroupGone: ({ article }) => `A disagreement of ${isolate(article)} no longer exists: an annotator changed their file since this view was loaded. Nothing was saved; refresh and decide again.`,
  curationDecisionInvalid: ({ article }) => `That decision does not fit its disagreement in ${isolate(article)}. Nothing was saved; refresh and decide again.`,
  entitiesBroken: ({ file, field }) => `The entity registry ${isolate(file)} cannot be read${field ? ` (${isolate(field)})` : ''}; it is left as it is and no entity edit is saved until it is fixed.`,
  entityMissing: ({ entity }) => `The entity ${isolate(entity)} is no longer in the registry; another window or program removed it.`,
  entitiesChangedOnDisk: ({ file }) => `${isolate(file)} changed on disk while this edit was being saved; nothing was written. Make the edit again.`,
  entitiesConflict: ({ file, entities }) =>
    `Not saved: another window or program changed the same ${entities.length === 1 ? 'entity' : 'entities'} (${entities.map((id) => isolate(id)).join(', ')}) in ${isolate(file)}. The registry now shows their version; make your edit again on it.`,
  metadataConflict: ({ file, fields }) =>
    `Not saved: another window or program changed the same ${fields.length === 1 ? 'field' : 'fields'} (${fields.map((field) => isolate(field)).join(', ')}) in ${isolate(file)}. Your values are kept in the form; close and reopen it to see theirs.`,
  taggerRefused: ({ url }) => `The tagger at ${isolate(url)} refused the connection. Is it running?`,
  taggerTimeout: ({ url, seconds }, number) => `The tagger at ${isolate(url)} did not answer within ${number(seconds)} seconds. Nothing was written for that article.`,
  taggerHttpStatus: ({ url, status }, number) => `The tagger at ${isolate(url)} answered with HTTP status ${number(status)}. Nothing was written for that article.`,
  taggerBadJson: ({ url }) => `The tagger at ${isolate(url)} answered with something other than the expected JSON ({"spans": [...]}). Nothing was written for that article.`,
  taggerUnreachable: ({ url, errno }) => `The tagger at ${isolate(url)} cannot be reached (${isolate(errno)}).`,
  taggerNeedsConfirmation: ({ url }) => `${isolate(url)} is not on this computer or its local network: confirm that articles may be sent there first.`,
  taggerBadUrl: ({ url }) => `${isolate(url)} is not an http:// or https:// address.`,
  taggerSpansRefused: ({ article, count }, number) => `${number(count)} span(s) the tagger sent for ${isolate(article)} were off the text, empty or of an unknown type; they were not written, the others were.`,
  gazetteerBadLines: ({ file, count, lines }, number) => `${number(count)} line(s) of ${isolate(file)} were not read (lines ${lines.map(number).join(', ')}): each needs a phrase, a tab (or a comma in a CSV) and a type.`,
  gazetteerEmpty: ({ file }) => `${isolate(file)} has no phrase to look for.`,
  gazetteerOutsideCorpus: ({ file }) => `The gazetteer ${isolate(file)} is not inside the opened corpus folder; only a gazetteer file inside it is read. Copy the file into the corpus folder and choose it there.`,
  gazetteerNotUtf8: ({ file }) => `The gazetteer ${isolate(file)} is not UTF-8 text. Save it as UTF-8 (phrase, tab, type per line) and run again.`,
  gazetteerRegistryEmpty: () => 'The entity registry has no entity yet, so it gives no name to look for. Add entities (L on an annotation) first.',
  entityLinkBratMode: () => 'Links to entities are kept in Hashiye’s own annotation files, which a brat corpus does not have. Import the brat corpus (File → Import…, format brat) to link its annotations: its N lines come in as links.',
  pretagAnnotatorFileBroken: ({ article, annotator }) => `The file of ${isolate(annotator)} for ${isolate(article)} cannot be read; it was left as it is and nothing was written for that article.`,
  pretagBusy: () => 'A pre-annotation is already running; wait for it or cancel it.',
};

const fa: Words = {
  diskFull: ({ file }) => `دیسک پر است${file ? ` (${isolate(file)})` : ''}: چیزی روی پرونده نوشته نشد و پرونده همان است که بود. کمی جا باز کنید.`,
  fileLocked: ({ file }) => `پنجرهٔ دیگری از حاشیه همین حالا در حال ذخیرهٔ ${isolate(file)} است.`,
  readOnly: ({ file, reason }) => {
    const why = {
      'file-mode': 'مجوزهایش اجازهٔ نوشتن نمی‌دهند',
      'folder-mode': 'پوشه‌اش اجازهٔ نوشتن نمی‌دهد',
      'read-only-file-system': 'دیسک فقط‌خواندنی سوار شده است',
      immutable: 'سیستم اجازهٔ تغییر آن را نمی‌دهد',
      permission: 'اجازهٔ نوشتن آن یا پوشه‌اش را ندارید',
    }[reason];
    return `${file ? `پروندهٔ ${isolate(file)}` : 'پرونده'} فقط‌خواندنی است: ${why}.`;
  },
  writeFailed: ({ file, errno }) => `دیسک نوشتن ${file ? isolate(file) : 'پرونده'} را نپذیرفت (${isolate(errno)}).`,
  articleChangedOnDisk: () => 'ذخیره نشد: مقاله از وقتی باز شد روی دیسک تغییر کرده است. آن را دوباره باز کنید.',
  saveConflicts: ({ count }, number) => `ذخیره نشد: نویسندهٔ دیگری ${number(count)} مورد از همان‌هایی را که شما تغییر دادید تغییر داده است. انتخاب کنید کدام نسخه بماند.`,
  saveBaseUnknown: () => 'ذخیره دوباره به‌طور کامل فرستاده می‌شود.',
  editsOnOtherText: () => 'این ویرایش‌ها روی نسخهٔ دیگری از متن مقاله انجام شده‌اند و ذخیره نشده‌اند.',
  editsNotApplicable: () => 'پروندهٔ حاشیه‌نویسی اکنون قابل استفاده نیست؛ این ویرایش‌ها ذخیره نشده‌اند و نگه داشته می‌شوند.',
  noArticleOpen: () => 'هیچ مقاله‌ای باز نیست.',
  exportUnsavedEdits: () => 'تغییرات مقالهٔ باز ذخیره نشد؛ خروجی گرفته نشد.',
  badSentenceCount: () => 'شمار جمله‌ها در هر مقاله باید عددی درست و مثبت باشد.',
  saveRefused: ({ file }) => `ذخیره نشد: ${isolate(file)} روی دیسک را نمی‌توان با اطمینان جایگزین کرد؛ همان‌طور که بود ماند.`,
  tooManyEntries: ({ field, count, limit }, number) =>
    `ذخیره نشد: ${number(count)} ${{ annotations: 'حاشیه‌نویسی', relations: 'رابطه', labels: 'برچسب سند' }[field]} بیش از ${number(limit)} موردی است که یک مقاله می‌تواند داشته باشد.`,
  outsideCorpus: ({ file }) => `${isolate(file)} خوانده نشد: به بیرون از پیکره پیوند دارد.`,
  danglingLink: ({ file }) => `${isolate(file)} خوانده نشد: پیوندی است که مقصدش وجود ندارد.`,
  notRegularFile: ({ file }) => `${isolate(file)} خوانده نشد: پروندهٔ معمولی نیست (${isolate('FIFO')}، دستگاه یا سوکت).`,
  fileTooLarge: ({ file, bytes, limit }, number) =>
    `${isolate(file)} خوانده نشد: بیش از اندازه بزرگ است${bytes !== null ? ` (${megabytes(bytes, number)} مگابایت)` : ''}${limit !== null ? `؛ حد مجاز ${megabytes(limit, number)} مگابایت است` : ''}.`,
  beingWritten: ({ file }) => `${isolate(file)} خوانده نشد: برنامهٔ دیگری در حال نوشتن آن بود. کمی بعد دوباره امتحان کنید.`,
  linkedFolder: ({ file }) => `${isolate(file)} پیوند به پوشه‌ای از همین پیکره است؛ پرونده‌هایش در جای خودشان فهرست شده‌اند.`,
  fileMissing: ({ file }) => `${file ? isolate(file) : 'پرونده'} (دیگر) وجود ندارد.`,
  articleUnreadable: ({ file, format }) => `${isolate(file)} را نمی‌توان به‌صورت متن خواند${format ? `: پرونده‌ای از نوع ${isolate(format)} است` : ''}.`,
  duplicateIds: ({ of, ids, more }, number) =>
    `شناسه‌هایی که برای بیش از یک ${of === 'annotation' ? 'حاشیه‌نویسی' : 'رابطه'} به کار رفته‌اند: ${listed(ids, more, number, FA_LIST)}.`,
  relationsToMissing: ({ relations, more }, number) => `رابطه‌هایی که به حاشیه‌نویسی‌های ناموجود اشاره می‌کنند: ${listed(relations, more, number, FA_LIST)}.`,
  tagSetNotJson: ({ file }) => `${isolate(file)} یک ${isolate('JSON')} معتبر نیست؛ مجموعه‌برچسب پیش‌فرض نمایش داده می‌شود.`,
  tagSetInvalid: ({ file, field }) => `${isolate(file)} فیلد نامعتبری دارد${field ? ` (${isolate(field)})` : ''}؛ مجموعه‌برچسب پیش‌فرض نمایش داده می‌شود.`,
  tagSetNoTypes: ({ file }) => `${isolate(file)} هیچ نوع موجودیتی تعریف نمی‌کند؛ مجموعه‌برچسب پیش‌فرض نمایش داده می‌شود.`,
  tagSetLines: ({ file, lines, more }, number) => `سطرهایی از ${isolate(file)} که قابل استفاده نبودند کنار گذاشته شدند: ${lines.map(number).join('، ')}${more > 0 ? ` و ${number(more)} سطر دیگر` : ''}.`,
  tagSetMissing: ({ file }) => `در این پوشه و بالاتر از آن ${isolate(file)} نیست؛ مجموعه‌برچسب پیش‌فرض نمایش داده می‌شود.`,
  tagSetPerFolder: ({ file, folders, shownFrom }, number) =>
    `${number(folders)} پوشه ${isolate(file)} خودشان را دارند؛ فهرست آنِ ${shownFrom ? isolate(shownFrom) : 'پوشهٔ پیکره'} را نشان می‌دهد و هر مقاله نزدیک‌ترین را به کار می‌برد.`,
  tagSetNotReplaced: ({ file, refusal }) =>
    `مجموعه‌برچسب ذخیره نشد: ${isolate(file)} را این‌جا نمی‌توان جایگزین کرد، چون ${REFUSALS.fa[refusal]}. برای ویرایش مجموعه‌برچسب در این‌جا، پرونده‌ای از آنِ خود پیکره در پوشهٔ پیکره به جایش بگذارید.`,
  bratTagSetReadOnly: () => `مجموعه‌برچسب پیکرهٔ ${isolate('brat')} از پروندهٔ ${isolate('annotation.conf')} می‌آید؛ آن را همان‌جا ویرایش کنید.`,
  noCorpus: () => 'هیچ پیکره‌ای باز نیست.',
  notAFolder: ({ path }) => `${isolate(path)} پوشه نیست.`,
  folderMissing: ({ path }) => `${isolate(path)} وجود ندارد.`,
  dropNotArticle: () => `پوشه‌ای از مقاله‌ها یا یک مقاله (پروندهٔ ${isolate('.txt')}) را رها کنید.`,
  notOpenable: ({ file }) => `${isolate(file)} اینجا باز نمی‌شود: پوشهٔ یک پیکره، ${isolate('hashiye.json')} آن، یک مقاله (${isolate('.txt')}) یا حاشیه‌نویسی‌های آن (${isolate('.ann.json')}) را باز کنید.`,
  dropTooWide: ({ path }) => `${isolate(path)} برای باز شدن به‌عنوان پیکره بیش از اندازه گسترده است؛ پوشه‌ای را رها کنید که مقاله‌ها در آن است.`,
  badArticleId: ({ id }) => `${isolate(id)} مقاله‌ای از این پیکره نیست.`,
  notBroken: ({ file, readOnly }) => `${isolate(file)} ${readOnly ? 'فقط‌خواندنی است، نه خراب' : 'خراب نیست'}؛ سر جایش می‌ماند.`,
  transferBusy: ({ job }) => `یک ${job === 'export' ? 'برون‌بری' : 'درون‌ریزی'} در جریان است؛ صبر کنید یا آن را لغو کنید.`,
  unavailable: ({ action }) =>
    ({
      export: 'پیش از برون‌بری پیکره‌ای را باز کنید.',
      pickExportFolder: 'این پنجره نمی‌تواند پوشهٔ برون‌بری را انتخاب کند.',
      pickImportSource: 'این پنجره نمی‌تواند آنچه درون‌ریزی می‌شود را انتخاب کند.',
      pickImportTarget: 'این پنجره نمی‌تواند پوشهٔ پیکرهٔ تازه را انتخاب کند.',
      openImported: 'هنوز چیزی درون‌ریزی نشده است.',
      pickSaveFile: 'این پنجره نمی‌تواند پرونده‌ای برای ذخیره انتخاب کند.',
    })[action],
  exportIntoCorpus: ({ path }) => `در پوشه‌ای بیرون از پیکره برون‌بری کنید: ${isolate(path)} درون آن است.`,
  exportArticlesMissing: ({ ids, more }, number) => `چنین مقاله‌ای در پیکره نیست: ${listed(ids, more, number, FA_LIST)}.`,
  importSourceMissing: ({ path }) => `چیزی برای درون‌ریزی نیست: ${isolate(path)} وجود ندارد.`,
  importIntoSource: () => 'پوشهٔ پیکرهٔ تازه نمی‌تواند همان پوشه‌ای باشد که درون‌ریزی می‌شود.',
  importTargetNotFolder: ({ path }) => `${isolate(path)} وجود دارد و پوشه نیست.`,
  importTargetNotEmpty: ({ path, entries }, number) => `${isolate(path)} خالی نیست (${number(entries)} مورد)؛ در پوشه‌ای تازه یا خالی درون‌ریزی کنید: چیزی هرگز بازنویسی نمی‌شود.`,
  importUnknownFormat: ({ path }) => `قالب ${isolate(path)} شناخته نیست.`,
  importNothingFound: ({ format, path }) => `هیچ پروندهٔ ${isolate(format)} در ${isolate(path)} پیدا نشد.`,
  invalidRequest: () => 'برنامه درخواستی را که پنجره فرستاد نپذیرفت. لطفاً این را گزارش کنید.',
  refusedSender: () => 'درخواستی از صفحه‌ای که از خود برنامه نیست رد شد.',
  unexpected: () => 'مشکل پیش‌بینی‌نشده‌ای پیش آمد؛ برای جزئیات نشانگر را روی آن نگه دارید.',
  curationNeedsAnnotators: ({ article, usable, broken }, number) =>
    `داوری کار دست‌کم دو برچسب‌زن را با هم مقایسه می‌کند و ${isolate(article)} ${usable.length === 0 ? 'هیچ پروندهٔ برچسب‌زنی ندارد' : `تنها ${listed(usable, 0, number, FA_LIST)} را دارد`}${broken > 0 ? ` (${number(broken)} پروندهٔ دیگر خوانده نمی‌شود)` : ''}. مقاله را در زبانهٔ برچسب‌زن‌ها به برچسب‌زن دومی بسپارید (واگذاری، یا بخش کردن پرونده بر پایهٔ نویسنده) و سپس به این‌جا برگردید.`,
  curationRefused: ({ article, reason, names }, number) =>
    ({
      'annotator-missing': `پروندهٔ برچسب‌زنی ${listed(names, 0, number, FA_LIST)} برای ${isolate(article)} نیست؛ زبانهٔ برچسب‌زن‌ها را تازه کنید.`,
      'record-invalid': `سابقهٔ داوری در پروندهٔ داوری‌شدهٔ ${isolate(article)} معتبر نیست؛ پرونده دست‌نخورده می‌ماند.`,
      'curated-broken': `پروندهٔ داوری‌شدهٔ ${isolate(article)} قابل استفاده نیست؛ دست‌نخورده می‌ماند.`,
    })[reason],
  agreementSameAnnotator: ({ annotator }) => `دو برچسب‌زن متفاوت را برای مقایسه برگزینید (${isolate(annotator)} دو بار برگزیده شد).`,
  agreementUnknownAnnotators: ({ names, known }, number) =>
    `در این پیکره پروندهٔ برچسب‌زنی از ${listed(names, 0, number, FA_LIST)} نیست${known.length > 0 ? `؛ برچسب‌زن‌هایش ${listed(known, 0, number, FA_LIST)} هستند` : '؛ هنوز پروندهٔ برچسب‌زنی ندارد'}. زبانهٔ برچسب‌زن‌ها را تازه کنید.`,
  curationGroupGone: ({ article }) => `یکی از ناهمسانی‌های ${isolate(article)} دیگر نیست: برچسب‌زنی از زمان بارگذاری این نما پرونده‌اش را تغییر داده است. چیزی ذخیره نشد؛ تازه کنید و دوباره تصمیم بگیرید.`,
  curationDecisionInvalid: ({ article }) => `این تصمیم با ناهمسانی‌اش در ${isolate(article)} جور نیست. چیزی ذخیره نشد؛ تازه کنید و دوباره تصمیم بگیرید.`,
  entitiesBroken: ({ file, field }) => `فهرست موجودیت‌ها ${isolate(file)} خوانده نمی‌شود${field ? ` (${isolate(field)})` : ''}؛ دست‌نخورده می‌ماند و تا درست نشود هیچ ویرایش موجودیتی ذخیره نمی‌شود.`,
  entityMissing: ({ entity }) => `موجودیت ${isolate(entity)} دیگر در فهرست موجودیت‌ها نیست؛ پنجره یا برنامهٔ دیگری آن را برداشته است.`,
  entitiesChangedOnDisk: ({ file }) => `${isolate(file)} هنگام ذخیرهٔ این ویرایش روی دیسک تغییر کرد؛ چیزی نوشته نشد. ویرایش را دوباره انجام دهید.`,
  entitiesConflict: ({ file, entities }) =>
    `ذخیره نشد: پنجره یا برنامهٔ دیگری همین ${entities.length === 1 ? 'موجودیت' : 'موجودیت‌ها'} (${entities.map((id) => isolate(id)).join('، ')}) را در ${isolate(file)} تغییر داده است. اکنون نسخهٔ آن‌ها نشان داده می‌شود؛ ویرایش خود را دوباره روی آن انجام دهید.`,
  metadataConflict: ({ file, fields }) =>
    `ذخیره نشد: پنجره یا برنامهٔ دیگری همین ${fields.length === 1 ? 'فیلد' : 'فیلدها'} (${fields.map((field) => isolate(field)).join('، ')}) را در ${isolate(file)} تغییر داده است. مقدارهای شما در فرم مانده‌اند؛ برای دیدن نسخهٔ آن‌ها فرم را ببندید و دوباره باز کنید.`,
  taggerRefused: ({ url }) => `برچسب‌زن خودکار در ${isolate(url)} اتصال را نپذیرفت. آیا در حال اجراست؟`,
  taggerTimeout: ({ url, seconds }, number) => `برچسب‌زن خودکار در ${isolate(url)} در ${number(seconds)} ثانیه پاسخ نداد. برای آن مقاله چیزی نوشته نشد.`,
  pretagBusy: () => 'یک پیش‌برچسب‌گذاری در جریان است؛ صبر کنید یا آن را لغو کنید.',
  taggerHttpStatus: ({ url, status }, number) => `برچسب‌زن خودکار در ${isolate(url)} با وضعیت ${isolate('HTTP')} ${number(status)} پاسخ داد. برای آن مقاله چیزی نوشته نشد.`,
  taggerBadJson: ({ url }) => `پاسخ برچسب‌زن خودکار در ${isolate(url)} آن ${isolate('JSON')} مورد انتظار (${isolate('{"spans": [...]}')}) نبود. برای آن مقاله چیزی نوشته نشد.`,
  taggerUnreachable: ({ url, errno }) => `به برچسب‌زن خودکار در ${isolate(url)} نمی‌توان رسید (${isolate(errno)}).`,
  taggerNeedsConfirmation: ({ url }) => `${isolate(url)} روی این رایانه یا شبکهٔ محلی آن نیست: نخست تأیید کنید که مقاله‌ها به آنجا فرستاده شوند.`,
  taggerBadUrl: ({ url }) => `${isolate(url)} نشانی ${isolate('http://')} یا ${isolate('https://')} نیست.`,
  taggerSpansRefused: ({ article, count }, number) => `${number(count)} بازه از بازه‌هایی که برچسب‌زن خودکار برای ${isolate(article)} فرستاد بیرون از متن، تهی یا از نوعی ناشناخته بودند؛ نوشته نشدند و بقیه نوشته شدند.`,
  gazetteerBadLines: ({ file, count, lines }, number) => `${number(count)} سطر از ${isolate(file)} خوانده نشد (سطرهای ${lines.map(number).join('، ')}): هر سطر یک عبارت، یک تب (یا در ${isolate('CSV')} یک ویرگول) و یک نوع می‌خواهد.`,
  gazetteerEmpty: ({ file }) => `در ${isolate(file)} عبارتی برای جست‌وجو نیست.`,
  gazetteerOutsideCorpus: ({ file }) => `فهرست نام‌های ${isolate(file)} درون پوشهٔ پیکرهٔ باز نیست؛ تنها فهرستی خوانده می‌شود که درون آن باشد. پرونده را به پوشهٔ پیکره رونوشت کنید و از همان‌جا برگزینید.`,
  gazetteerNotUtf8: ({ file }) => `فهرست نام‌های ${isolate(file)} متن ${isolate('UTF-8')} نیست. آن را با رمزگذاری ${isolate('UTF-8')} ذخیره کنید (هر سطر: عبارت، تب، نوع) و دوباره اجرا کنید.`,
  gazetteerRegistryEmpty: () => `فهرست موجودیت‌ها هنوز موجودیتی ندارد و نامی برای جست‌وجو نمی‌دهد. نخست موجودیت بیفزایید (کلید ${isolate('L')} روی یک برچسب).`,
  entityLinkBratMode: () => `پیوند به موجودیت‌ها در پرونده‌های حاشیه‌نویسی خودِ حاشیه نگه داشته می‌شود که پیکرهٔ ${isolate('brat')} ندارد. پیکرهٔ ${isolate('brat')} را درون‌ریزی کنید (پرونده ← درون‌ریزی…، قالب ${isolate('brat')}) تا برچسب‌هایش را پیوند دهید: سطرهای ${isolate('N')} آن به‌صورت پیوند درون‌ریزی می‌شوند.`,
  pretagAnnotatorFileBroken: ({ article, annotator }) => `پروندهٔ ${isolate(annotator)} برای ${isolate(article)} خواندنی نیست؛ همان‌طور ماند و برای آن مقاله چیزی نوشته نشد.`,
};

export const problemWords: Record<UiLanguage, Words> = { fa, en };

/** The problem as the user reads it, in their language. */
export function problemText(problem: UserProblem, language: UiLanguage): string {
  const number = (value: number) => formatNumber(value, language);
  const words = problemWords[language][problem.code] as (problem: UserProblem, number: (value: number) => string) => string;
  return words(problem, number);
}

/** Main's English words for a problem, where it gave any (the `unexpected` detail): for tooltips and logs, never the text itself. */
export function problemDetail(problem: UserProblem): string | undefined {
  return problem.code === 'unexpected' ? problem.detail : undefined;
}
