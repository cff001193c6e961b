import { z } from 'zod';
import { ArticleStatusSchema } from './status';
import { arrayWithFastPath, fastStoredAnnotation } from './annotationListFastPath';
import type { CodePointOffset } from '../anchoring/offsetUnits';
import { DocumentLabelsSchema, ZoneListSchema } from '../documentLabels/judgmentFormat';

/**
 * The native annotation file, `NAME.ann.json`, version 1. Offsets are code points into the
 * document text (the decoded article, BOM removed, line ends turned into LF). Objects are
 * loose so that fields written by a newer version of Hashiye survive a save by this one.
 */
export const NATIVE_FORMAT_ID = 'hashiye-annotations';
export const NATIVE_FORMAT_VERSION = 1;

/**
 * An offset in the file: a non-negative integer counting code points. The schema checks a plain
 * number, as it always has; its type says the unit, so an offset of the window (a Utf16Offset)
 * cannot be written into a stored annotation without going through anchoring/offsets.ts.
 */
const offset = z.number().int().nonnegative() as unknown as z.ZodType<CodePointOffset, number>;

export const QuoteSchema = z.looseObject({
  prefix: z.string(),
  suffix: z.string(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const FragmentSchema = z.looseObject({ start: offset, end: offset });
export type Fragment = z.infer<typeof FragmentSchema>;

export const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One argument of an event (#20): the annotation (by id) that fills a role. An event is its
 * trigger annotation, whose type is an event type, with these in `roles`. Added in version 1
 * as an optional field: a file without it has no events, and nothing else changed shape.
 */
export const EventRoleArgumentSchema = z.looseObject({ role: z.string().min(1), target: z.string().min(1) });

export const StoredAnnotationSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  start: offset,
  end: offset,
  text: z.string(),
  quote: QuoteSchema.optional(),
  /** Present only for a discontinuous span; `start` and `end` are then its outer bounds. */
  fragments: z.array(FragmentSchema).optional(),
  note: z.string().optional(),
  attributes: z.record(z.string(), AttributeValueSchema).optional(),
  /** Present only on an event trigger with arguments (#20). */
  roles: z.array(EventRoleArgumentSchema).optional(),
  author: z.string().optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  /** (#24) The id of the entity of the registry (`entities.json`) this annotation mentions. Optional in version 1: absent, unlinked. */
  entity: z.string().optional(),
});
export type StoredAnnotation = z.infer<typeof StoredAnnotationSchema>;

/**
 * `z.array(StoredAnnotationSchema)`, accepting and refusing the same lists with the same issues,
 * but checking plain annotations by hand (annotationListFastPath.ts): 100,000 of them took zod
 * about half a second on each step that checks them.
 */
export const StoredAnnotationListSchema = arrayWithFastPath(StoredAnnotationSchema, fastStoredAnnotation);

export const StoredRelationSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  note: z.string().optional(),
  /** Attributes defined by the relation type (#20). */
  attributes: z.record(z.string(), AttributeValueSchema).optional(),
});
export type StoredRelation = z.infer<typeof StoredRelationSchema>;

export const SourceInfoSchema = z.looseObject({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string(),
  /** Length of the document text in code points. */
  length: offset,
  /**
   * True when the user chose `encoding` (the chooser shows it chosen). Any other value, as
   * files always could hold, is read as not chosen rather than refused.
   */
  encodingChosen: z.boolean().optional().catch(undefined),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

export const AnnotationFileSchema = z.looseObject({
  format: z.literal(NATIVE_FORMAT_ID),
  version: z.literal(NATIVE_FORMAT_VERSION),
  offsetUnit: z.literal('codepoint'),
  source: SourceInfoSchema,
  status: ArticleStatusSchema,
  annotations: StoredAnnotationListSchema,
  /**
   * Both read as empty when absent: a hand-written file without them was listed as fine and
   * then refused by the statistics and exports. Saves always write them.
   */
  relations: z.array(StoredRelationSchema).default([]),
  labels: z.array(z.string()).default([]),
  /** (#21, fixed contract) Judgments of the article as a whole: dimension id → value, and zones in code points. */
  documentLabels: DocumentLabelsSchema.optional(),
  zones: ZoneListSchema.optional(),
  /**
   * Source token boundaries [start, end) in code points, for articles imported from a
   * tokenized format (CoNLL, HF): tokenized exports reuse them so tokens round-trip.
   */
  tokens: z.array(z.tuple([offset, offset])).optional(),
  assignee: z.string().optional(),
  updated: z.string().optional(),
});
export type AnnotationFile = z.infer<typeof AnnotationFileSchema>;
