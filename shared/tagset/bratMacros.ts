/**
 * brat's `<ENTITY>` and `<EVENT>` macros: in an argument's `types` (relationTypes.ts) they stand
 * for any entity or event type while the tag set is not known yet. Zod-free: (#25) the window
 * checks relation arguments without building the tag set's schemas.
 */
export const ANY_ENTITY = '<ENTITY>';
export const ANY_EVENT = '<EVENT>';
