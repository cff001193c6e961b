import { z } from 'zod';
import { isIsoDate, METADATA_FIELD_MAX, METADATA_FIELDS, type MetadataField } from './metadataFields';

/**
 * (#21) An article's metadata, read from the sidecar `NAME.meta.json` beside `NAME.txt`: title,
 * source, URL, publication date (ISO `YYYY-MM-DD`, as stored) and author. Every field may be
 * absent. Fields the app does not know are kept and written back untouched, so a scraper's own
 * fields survive an edit in the app.
 */
export { isIsoDate, METADATA_FIELD_MAX, METADATA_FIELDS, type MetadataField } from './metadataFields';

const text = z.string().max(METADATA_FIELD_MAX);

export const ArticleMetadataSchema = z
  .object({
    title: text.optional(),
    source: text.optional(),
    url: text.optional(),
    published: z.string().refine(isIsoDate, { message: 'a publication date is written YYYY-MM-DD' }).optional(),
    author: text.optional(),
  })
  .strict();
export type ArticleMetadata = z.infer<typeof ArticleMetadataSchema>;

/** The file as read: the known fields checked, anything else kept as it is. */
const MetadataFileSchema = ArticleMetadataSchema.loose();

/** Why a `NAME.meta.json` cannot be used: not JSON, not an object, or a known field of the wrong form. */
export type MetadataFileProblem = { kind: 'syntax'; detail: string } | { kind: 'schema'; field: string; detail: string };

export type ParsedMetadataFile = { ok: true; metadata: ArticleMetadata; extra: Record<string, unknown> } | { ok: false; problem: MetadataFileProblem };

export function parseMetadataFile(raw: string): ParsedMetadataFile {
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: { kind: 'syntax', detail: (error as Error).message } };
  }
  const parsed = MetadataFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: { kind: 'schema', field: issue.path.join('.'), detail: issue.message } };
  }
  const metadata: ArticleMetadata = {};
  const extra: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(parsed.data)) {
    if ((METADATA_FIELDS as readonly string[]).includes(key)) {
      if (typeof field === 'string' && field !== '') metadata[key as MetadataField] = field;
    } else extra[key] = field;
  }
  return { ok: true, metadata, extra };
}

/**
 * The file's text after an edit: the fields the app does not know first, where they were, then
 * the known fields that have a value; a field emptied in the form is left out. Two-space JSON
 * with a final newline, so a hand edit and a diff stay readable.
 */
export function serializeMetadataFile(metadata: ArticleMetadata, extra: Readonly<Record<string, unknown>>): string {
  const file: Record<string, unknown> = { ...extra };
  for (const field of METADATA_FIELDS) {
    const value = metadata[field]?.trim();
    if (value) file[field] = value;
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The metadata with empty fields left out and spaces trimmed, as it is saved. */
export function cleanMetadata(metadata: ArticleMetadata): ArticleMetadata {
  const cleaned: ArticleMetadata = {};
  for (const field of METADATA_FIELDS) {
    const value = metadata[field]?.trim();
    if (value) cleaned[field] = value;
  }
  return cleaned;
}

export const METADATA_SUFFIX = '.meta.json';

/** `NAME.meta.json` beside `NAME.txt`: `.txt` replaced, any other name kept whole (as `NAME.ann.json` is named). */
export function metadataPathFor(articlePath: string): string {
  return (/\.txt$/i.test(articlePath) ? articlePath.slice(0, -4) : articlePath) + METADATA_SUFFIX;
}
