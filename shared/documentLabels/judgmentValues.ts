/**
 * Plain values of the judgment format (judgmentFormat.ts holds its zod schemas): zod-free so
 * that (#25) the window uses them without building the format's schemas at start.
 */

/** The zone type always known: text that is not the article (a site's footer, menus). */
export const BOILERPLATE_ZONE = 'boilerplate';
/** Zone types every tag set has; a tag set may add more. */
export const BUILT_IN_ZONE_TYPES: readonly string[] = ['headline', 'body', BOILERPLATE_ZONE];

/** An empty labels object, shared so that unchanged documents compare by reference. */
export const NO_DOCUMENT_LABELS: Readonly<Record<string, never>> = Object.freeze({});
