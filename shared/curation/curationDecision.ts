import { z } from 'zod';

const offset = z.number().int().nonnegative();

/** A span the curator typed or corrected, in code points. */
export const EditedSpanSchema = z.object({
  type: z.string().min(1),
  start: offset,
  end: offset,
  fragments: z.array(z.object({ start: offset, end: offset })).optional(),
  note: z.string().optional(),
});
export type EditedSpan = z.infer<typeof EditedSpanSchema>;

/**
 * What the curator decided for one disagreement group:
 * - `adopt`: that annotator's version of the group (possibly nothing, if they had no span there);
 * - `adopt-all`: every distinct span any annotator has in the group ("adopt both");
 * - `reject`: none of them;
 * - `edit`: the spans given instead.
 */
export const CurationDecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('adopt'), annotator: z.string().min(1) }),
  z.object({ kind: z.literal('adopt-all') }),
  z.object({ kind: z.literal('reject') }),
  z.object({ kind: z.literal('edit'), spans: z.array(EditedSpanSchema) }),
]);
export type CurationDecision = z.infer<typeof CurationDecisionSchema>;

/**
 * Kept in the curated file (`NAME.ann.json`, top-level field `curation`) so that the curated
 * annotations can be rebuilt when another decision is taken, and a reopened curation shows
 * what was already decided. Decisions are keyed by group id, which is derived from the
 * group's content: if an annotator later changes a span, the group gets a new id and its old
 * decision no longer applies (listed as stale) instead of being applied to spans it never saw.
 */
export const CurationRecordSchema = z.looseObject({
  annotators: z.array(z.string()),
  decisions: z.record(z.string(), CurationDecisionSchema),
  curator: z.string().optional(),
  updated: z.string().optional(),
});
export type CurationRecord = z.infer<typeof CurationRecordSchema>;
