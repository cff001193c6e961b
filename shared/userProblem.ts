/**
 * User-facing problems (issue #17), part of the contract in shared/ipc.ts: every reason main
 * gives the window for something refused or failed, as a code with its parameters, never as a
 * sentence. The window words each code in the user's language (renderer/src/i18n/problemMessages.ts);
 * English `detail`/`message` strings that travel beside a problem are for logs and tooltips only.
 * Paths are file names or paths shown as they are (isolated in the text), numbers are plain
 * numbers (the window formats the digits).
 */
import { z } from 'zod';
import { PROBLEM_MARKER } from './ipcEventNames';

const ShownPath = z.string().max(4096);
const Count = z.number().int().nonnegative();
/** Why a file may not be written (atomicWrite.ts ReadOnlyReason, plus a refusal the kernel gave while writing). */
export const ReadOnlyReasonSchema = z.enum(['file-mode', 'folder-mode', 'read-only-file-system', 'immutable', 'permission']);
/** What a window without a native dialog (or with nothing to act on) cannot do. */
export const UnavailableActionSchema = z.enum(['export', 'pickExportFolder', 'pickImportSource', 'pickImportTarget', 'openImported', 'pickSaveFile']);

export const UserProblemSchema = z.discriminatedUnion('code', [
  // Saving and writing.
  z.object({ code: z.literal('diskFull'), file: ShownPath }).strict(),
  /** Another Hashiye holds the file's save lock past the wait; nothing was written, the save is retried. */
  z.object({ code: z.literal('fileLocked'), file: ShownPath }).strict(),
  z.object({ code: z.literal('readOnly'), file: ShownPath, reason: ReadOnlyReasonSchema }).strict(),
  /** Another error of the disk (EIO, ENAMETOOLONG...), by its errno code. */
  z.object({ code: z.literal('writeFailed'), file: ShownPath, errno: z.string().max(40) }).strict(),
  z.object({ code: z.literal('articleChangedOnDisk') }).strict(),
  z.object({ code: z.literal('saveConflicts'), count: Count }).strict(),
  /** Internal to saving (annotations.saveChanges): the window sends the whole list again. */
  z.object({ code: z.literal('saveBaseUnknown') }).strict(),
  /** The annotation file on disk cannot be replaced safely (too large, not a regular file...); the detail says which. */
  z.object({ code: z.literal('saveRefused'), file: ShownPath }).strict(),
  /** Found in the window: edits kept from an earlier visit were made on another text of the article, or its annotation file cannot be used now. */
  z.object({ code: z.literal('editsOnOtherText') }).strict(),
  z.object({ code: z.literal('editsNotApplicable') }).strict(),
  /** Found in the window before asking main: no article open for a one-article export, edits not saved before an export, a sentence count that is no whole number. */
  z.object({ code: z.literal('noArticleOpen') }).strict(),
  z.object({ code: z.literal('exportUnsavedEdits') }).strict(),
  z.object({ code: z.literal('badSentenceCount') }).strict(),
  z.object({ code: z.literal('tooManyEntries'), field: z.enum(['annotations', 'relations', 'labels']), count: Count, limit: Count }).strict(),
  // Corpus files that are not read (corpusFileAccess.ts refusals) or too large.
  z.object({ code: z.literal('outsideCorpus'), file: ShownPath }).strict(),
  z.object({ code: z.literal('danglingLink'), file: ShownPath }).strict(),
  z.object({ code: z.literal('notRegularFile'), file: ShownPath }).strict(),
  z.object({ code: z.literal('fileTooLarge'), file: ShownPath, bytes: Count.nullable(), limit: Count.nullable() }).strict(),
  z.object({ code: z.literal('beingWritten'), file: ShownPath }).strict(),
  z.object({ code: z.literal('linkedFolder'), file: ShownPath }).strict(),
  z.object({ code: z.literal('fileMissing'), file: ShownPath }).strict(),
  /** `format`: a known binary format the file is (PNG, PDF...), when it is one. */
  z.object({ code: z.literal('articleUnreadable'), file: ShownPath, format: z.string().max(40).nullable().optional() }).strict(),
  // Annotation file invariants: the file opens read-only.
  z.object({ code: z.literal('duplicateIds'), of: z.enum(['annotation', 'relation']), ids: z.array(z.string()).max(10), more: Count }).strict(),
  z.object({ code: z.literal('relationsToMissing'), relations: z.array(z.string()).max(10), more: Count }).strict(),
  // Tag sets.
  z.object({ code: z.literal('tagSetNotJson'), file: ShownPath }).strict(),
  z.object({ code: z.literal('tagSetInvalid'), file: ShownPath, field: z.string().max(400) }).strict(),
  z.object({ code: z.literal('tagSetNoTypes'), file: ShownPath }).strict(),
  /** brat: lines of annotation.conf that were left out (the rest is used). */
  z.object({ code: z.literal('tagSetLines'), file: ShownPath, lines: z.array(Count).max(10), more: Count }).strict(),
  z.object({ code: z.literal('tagSetMissing'), file: ShownPath }).strict(),
  z.object({ code: z.literal('tagSetPerFolder'), file: ShownPath, folders: Count, shownFrom: ShownPath }).strict(),
  z.object({ code: z.literal('bratTagSetReadOnly') }).strict(),
  /** tagset.save: hashiye.json is not a file of the corpus's own (a link out of it, a FIFO...), so it is not replaced. */
  z.object({ code: z.literal('tagSetNotReplaced'), file: ShownPath, refusal: z.enum(['outside-corpus', 'dangling-link', 'not-regular-file', 'too-large', 'being-written', 'linked-folder']) }).strict(),
  // Opening a corpus or an article.
  z.object({ code: z.literal('noCorpus') }).strict(),
  z.object({ code: z.literal('notAFolder'), path: ShownPath }).strict(),
  z.object({ code: z.literal('folderMissing'), path: ShownPath }).strict(),
  z.object({ code: z.literal('dropNotArticle') }).strict(),
  z.object({ code: z.literal('dropTooWide'), path: ShownPath }).strict(),
  /** (#23) A path the OS or a second launch asked to open that is not a corpus folder or one of its files. */
  z.object({ code: z.literal('notOpenable'), file: ShownPath }).strict(),
  z.object({ code: z.literal('badArticleId'), id: z.string().max(4096) }).strict(),
  z.object({ code: z.literal('notBroken'), file: ShownPath, readOnly: z.boolean() }).strict(),
  // Export and import.
  z.object({ code: z.literal('transferBusy'), job: z.enum(['export', 'import']) }).strict(),
  z.object({ code: z.literal('unavailable'), action: UnavailableActionSchema }).strict(),
  z.object({ code: z.literal('exportIntoCorpus'), path: ShownPath }).strict(),
  z.object({ code: z.literal('exportArticlesMissing'), ids: z.array(z.string()).max(10), more: Count }).strict(),
  z.object({ code: z.literal('importSourceMissing'), path: ShownPath }).strict(),
  z.object({ code: z.literal('importIntoSource') }).strict(),
  z.object({ code: z.literal('importTargetNotFolder'), path: ShownPath }).strict(),
  z.object({ code: z.literal('importTargetNotEmpty'), path: ShownPath, entries: Count }).strict(),
  z.object({ code: z.literal('importUnknownFormat'), path: ShownPath }).strict(),
  z.object({ code: z.literal('importNothingFound'), format: z.string().max(40), path: ShownPath }).strict(),
  // The request itself.
  z.object({ code: z.literal('invalidRequest'), channel: z.string().max(200), field: z.string().max(400) }).strict(),
  z.object({ code: z.literal('refusedSender'), channel: z.string().max(200) }).strict(),
  /** Anything main did not foresee: the window says so in the user's language; `detail` (English) goes to the tooltip. */
  z.object({ code: z.literal('unexpected'), detail: z.string().max(2000) }).strict(),
  // Curation (#19): what the lead can do about it, not an error.
  z.object({ code: z.literal('curationNeedsAnnotators'), article: ShownPath, usable: z.array(z.string().max(200)).max(20), broken: Count }).strict(),
  z.object({ code: z.literal('curationRefused'), article: ShownPath, reason: z.enum(['annotator-missing', 'record-invalid', 'curated-broken']), names: z.array(z.string().max(200)).max(20) }).strict(),
  // Agreement and curation requests the lead's view sends (#19).
  z.object({ code: z.literal('agreementSameAnnotator'), annotator: z.string().max(200) }).strict(),
  z.object({ code: z.literal('agreementUnknownAnnotators'), names: z.array(z.string().max(200)).max(20), known: z.array(z.string().max(200)).max(20) }).strict(),
  /** A decision for a disagreement the article no longer has (an annotator changed their file since the view was loaded). */
  z.object({ code: z.literal('curationGroupGone'), article: ShownPath }).strict(),
  /** A decision that cannot apply to its disagreement (a side it does not have, spans outside the text). */
  z.object({ code: z.literal('curationDecisionInvalid'), article: ShownPath }).strict(),
  // The entity registry (#24): entities.json is never overwritten while it cannot be read.
  z.object({ code: z.literal('entitiesBroken'), file: ShownPath, field: z.string().max(400) }).strict(),
  /** An edit names an entity the registry no longer has (another window or program removed it). */
  z.object({ code: z.literal('entityMissing'), entity: z.string().max(200) }).strict(),
  /** entities.json changed on disk while this edit was being written: nothing was written, the edit can be made again. */
  z.object({ code: z.literal('entitiesChangedOnDisk'), file: ShownPath }).strict(),
  /** (#17) Another writer changed the same entities (the same fields) since this window loaded the registry: nothing was written. */
  z.object({ code: z.literal('entitiesConflict'), file: ShownPath, entities: z.array(z.string().max(200)).max(20) }).strict(),
  /** (#17) Another writer changed the same metadata fields of `NAME.meta.json` since the editor opened: nothing was written. */
  z.object({ code: z.literal('metadataConflict'), file: ShownPath, fields: z.array(z.string().max(40)).max(20) }).strict(),
  // Pre-annotation (#24): the tagger over HTTP and the gazetteer file.
  z.object({ code: z.literal('taggerRefused'), url: ShownPath }).strict(),
  z.object({ code: z.literal('taggerTimeout'), url: ShownPath, seconds: Count }).strict(),
  z.object({ code: z.literal('taggerHttpStatus'), url: ShownPath, status: Count }).strict(),
  z.object({ code: z.literal('taggerBadJson'), url: ShownPath }).strict(),
  /** Another network error (DNS, reset...), by its errno code. */
  z.object({ code: z.literal('taggerUnreachable'), url: ShownPath, errno: z.string().max(40) }).strict(),
  /** Not a loopback or LAN address, and the user has not confirmed sending articles there. */
  z.object({ code: z.literal('taggerNeedsConfirmation'), url: ShownPath }).strict(),
  z.object({ code: z.literal('taggerBadUrl'), url: ShownPath }).strict(),
  /** Spans of an answer refused (off the text, reversed, unknown type): the rest was written. */
  z.object({ code: z.literal('taggerSpansRefused'), article: ShownPath, count: Count }).strict(),
  z.object({ code: z.literal('gazetteerBadLines'), file: ShownPath, count: Count, lines: z.array(Count).max(10) }).strict(),
  z.object({ code: z.literal('gazetteerEmpty'), file: ShownPath }).strict(),
  /** The gazetteer path leads outside the opened corpus (absolute, `..`, or a link out): nothing is read. */
  z.object({ code: z.literal('gazetteerOutsideCorpus'), file: ShownPath }).strict(),
  z.object({ code: z.literal('gazetteerNotUtf8'), file: ShownPath }).strict(),
  /** The entity registry holds no name to look for (no entity yet). */
  z.object({ code: z.literal('gazetteerRegistryEmpty') }).strict(),
  /** L in a brat corpus: links live in the native files, which a brat corpus does not have. */
  z.object({ code: z.literal('entityLinkBratMode') }).strict(),
  /** The annotator file AS.ann.json exists but cannot be read: it is left as it is, nothing written for the article. */
  z.object({ code: z.literal('pretagAnnotatorFileBroken'), article: ShownPath, annotator: z.string().max(200) }).strict(),
  /** A pre-annotation run is already going on in this window. */
  z.object({ code: z.literal('pretagBusy') }).strict(),
]);
export type UserProblem = z.infer<typeof UserProblemSchema>;
export type UserProblemCode = UserProblem['code'];
export type UserProblemOf<C extends UserProblemCode> = Extract<UserProblem, { code: C }>;

/**
 * Electron carries only an error's message across IPC (the e2e harness likewise), and puts its
 * own words before it. A problem thrown by a handler therefore travels at the end of the message
 * as this marker and its JSON, URI-encoded so that the marker (it holds a `:`) cannot occur inside
 * it and the last marker found is always ours. The dispatcher encodes (electron/ipc/dispatcher.ts)
 * and the window's API layer decodes (renderer/src/api.ts), once each.
 */
// Defined zod-free beside the event names (ipcEventNames.ts), for the window's API layer (#25).
export { PROBLEM_MARKER };

/** `message` (English, for logs) followed by the coded problem. */
export function encodeProblem(problem: UserProblem, message = ''): string {
  return `${message}${message ? ' ' : ''}${PROBLEM_MARKER}${encodeURIComponent(JSON.stringify(problem))}`;
}

/** The problem carried by an error message from main (whatever was put before it), or null when it carries none. */
export function decodeProblem(message: string): UserProblem | null {
  const at = message.lastIndexOf(PROBLEM_MARKER);
  if (at < 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(message.slice(at + PROBLEM_MARKER.length)));
  } catch {
    return null;
  }
  const parsed = UserProblemSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
