/**
 * (#21) The metadata fields an article's sidecar holds and the checks on their text
 * (articleMetadata.ts builds its zod schema from them). Zod-free: (#25) the window shows and
 * checks the fields without building the metadata schemas at start.
 */
export const METADATA_FIELDS = ['title', 'source', 'url', 'published', 'author'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** A generous bound for one field: a headline or a long URL, not an article. */
export const METADATA_FIELD_MAX = 4000;

/** True for a real calendar day written `YYYY-MM-DD` (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
