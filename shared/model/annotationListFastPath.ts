import { z } from 'zod';

/**
 * A fast path for validating the one list that grows with an article: its annotations. An
 * article with 100,000 annotations spent about half a second in zod's StoredAnnotationSchema on
 * every step that checks the list (reading the file, the article.load answer, a save request,
 * the file checked before it is written). The checks below are written out by hand for the
 * common, plain shape of an annotation; whatever they do not recognise (a missing or wrong
 * field, an object that is not plain, an undefined value, an own `__proto__` key...) is handed
 * to zod, which then decides and names the problem. So the list is accepted or refused exactly
 * as zod would, with zod's own message, and what is accepted is the value zod gives: a copy with
 * the schema's fields first, in its order, then the unknown fields (annotationListFastPath.test.ts
 * checks all of this against zod with generated inputs).
 */

/** A value z.number().int().nonnegative() accepts (zod's int is a safe integer). */
export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0);
}

/** A plain object (from JSON.parse, structured clone or a literal) with no own `__proto__` key. */
export function plainObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  if (Object.hasOwn(value, '__proto__')) return null;
  return value as Record<string, unknown>;
}

/**
 * Copies the fields of `record` that are not in `known`, after those already in `into`, or
 * returns false when one of them is undefined (zod is asked then).
 */
export function copyUnknownFields(record: Record<string, unknown>, known: ReadonlySet<string>, into: Record<string, unknown>): boolean {
  for (const key in record) {
    if (known.has(key) || !Object.hasOwn(record, key)) continue;
    const value = record[key];
    if (value === undefined) return false;
    into[key] = value;
  }
  return true;
}

const QUOTE_FIELDS: ReadonlySet<string> = new Set(['prefix', 'suffix']);
const FRAGMENT_FIELDS: ReadonlySet<string> = new Set(['start', 'end']);
/** StoredAnnotationSchema's fields, in its order (nativeFormat.ts; the test checks they agree). */
export const STORED_ANNOTATION_FIELDS = ['id', 'type', 'start', 'end', 'text', 'quote', 'fragments', 'note', 'attributes', 'roles', 'author', 'created', 'modified', 'entity'] as const;
const ANNOTATION_FIELDS: ReadonlySet<string> = new Set(STORED_ANNOTATION_FIELDS);
const OPTIONAL_TEXT_FIELDS = ['note', 'author', 'created', 'modified', 'entity'] as const;

function fastQuote(value: unknown): Record<string, unknown> | null {
  const quote = plainObject(value);
  if (quote === null || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') return null;
  const copy: Record<string, unknown> = { prefix: quote.prefix, suffix: quote.suffix };
  return copyUnknownFields(quote, QUOTE_FIELDS, copy) ? copy : null;
}

function fastFragments(value: unknown): Record<string, unknown>[] | null {
  if (!Array.isArray(value)) return null;
  const copies: Record<string, unknown>[] = [];
  for (let index = 0; index < value.length; index++) {
    if (!(index in value)) return null;
    const fragment = plainObject(value[index]);
    if (fragment === null || !isOffset(fragment.start) || !isOffset(fragment.end)) return null;
    const copy: Record<string, unknown> = { start: fragment.start, end: fragment.end };
    if (!copyUnknownFields(fragment, FRAGMENT_FIELDS, copy)) return null;
    copies.push(copy);
  }
  return copies;
}

function fastAttributes(value: unknown): Record<string, unknown> | null {
  const attributes = plainObject(value);
  if (attributes === null) return null;
  const copy: Record<string, unknown> = {};
  for (const key in attributes) {
    if (!Object.hasOwn(attributes, key)) continue;
    const attribute = attributes[key];
    if (typeof attribute === 'string' || typeof attribute === 'boolean' || (typeof attribute === 'number' && Number.isFinite(attribute))) copy[key] = attribute;
    else return null;
  }
  return copy;
}

const ANNOTATION_FIELD_INDEX: ReadonlyMap<string, number> = new Map(STORED_ANNOTATION_FIELDS.map((field, index) => [field, index]));
const REQUIRED_ANNOTATION_FIELDS = 5;

/** Whether `value` is a plain object holding `first` and `second` (strings or offsets, as `valid` says) first, then only defined fields. */
function inPairForm(value: unknown, first: string, second: string, valid: (field: unknown) => boolean): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as Record<string, unknown>;
  let position = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || key === '__proto__') return false;
    const field = record[key];
    if (position === 0 && key !== first) return false;
    if (position === 1 && key !== second) return false;
    if (position < 2 ? !valid(field) : field === undefined) return false;
    position++;
  }
  return position >= 2;
}

const isString = (value: unknown) => typeof value === 'string';

/**
 * Whether `value` is already exactly what StoredAnnotationSchema gives for it: a plain object
 * whose fields are valid and in the schema's order, the unknown ones after them, nested objects
 * likewise. Then it is given back as it is, with nothing copied (the article.load answer and a
 * save request are in this form: 100,000 copies cost tens of milliseconds and their collection).
 */
function inSchemaForm(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as Record<string, unknown>;
  let lastKnown = -1;
  let unknownSeen = false;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || key === '__proto__') return false;
    const field = record[key];
    if (field === undefined) return false;
    const index = ANNOTATION_FIELD_INDEX.get(key);
    if (index === undefined) {
      unknownSeen = true;
      continue;
    }
    // A known field after an unknown one, or out of the schema's order: zod's copy would move it.
    // (The required fields, the schema's first five, each follow the one before.)
    if (unknownSeen || index <= lastKnown || (lastKnown < REQUIRED_ANNOTATION_FIELDS - 1 && index !== lastKnown + 1)) return false;
    lastKnown = index;
    switch (key) {
      case 'id':
      case 'type':
        if (typeof field !== 'string' || field.length === 0) return false;
        break;
      case 'start':
      case 'end':
        if (!isOffset(field)) return false;
        break;
      case 'quote':
        if (!inPairForm(field, 'prefix', 'suffix', isString)) return false;
        break;
      case 'fragments':
        if (!Array.isArray(field) || Object.getPrototypeOf(field) !== Array.prototype) return false;
        for (let position = 0; position < field.length; position++) {
          if (!(position in field) || !inPairForm(field[position], 'start', 'end', isOffset)) return false;
        }
        break;
      case 'attributes':
        if (fastAttributes(field) === null || Object.getPrototypeOf(field) !== Object.prototype) return false;
        break;
      default:
        if (typeof field !== 'string') return false;
    }
  }
  return lastKnown >= REQUIRED_ANNOTATION_FIELDS - 1;
}

/**
 * What StoredAnnotationSchema gives for `value` when it is a plain annotation every field of
 * which is as the schema wants: `value` itself when it is already in that form, else a copy in
 * it; null otherwise (then zod decides, and may still accept it).
 */
export function fastStoredAnnotation(value: unknown): Record<string, unknown> | null {
  // An event trigger's roles (#20) are few and nested: zod checks those annotations.
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'roles')) return null;
  if (inSchemaForm(value)) return value as Record<string, unknown>;
  const annotation = plainObject(value);
  if (annotation === null) return null;
  const { id, type, start, end, text } = annotation;
  if (typeof id !== 'string' || id.length === 0 || typeof type !== 'string' || type.length === 0) return null;
  if (!isOffset(start) || !isOffset(end) || typeof text !== 'string') return null;
  const copy: Record<string, unknown> = { id, type, start, end, text };
  if ('quote' in annotation) {
    const quote = fastQuote(annotation.quote);
    if (quote === null) return null;
    copy.quote = quote;
  }
  if ('fragments' in annotation) {
    const fragments = fastFragments(annotation.fragments);
    if (fragments === null) return null;
    copy.fragments = fragments;
  }
  if ('note' in annotation) {
    if (typeof annotation.note !== 'string') return null;
    copy.note = annotation.note;
  }
  if ('attributes' in annotation) {
    const attributes = fastAttributes(annotation.attributes);
    if (attributes === null) return null;
    copy.attributes = attributes;
  }
  for (const field of OPTIONAL_TEXT_FIELDS.slice(1)) {
    if (!(field in annotation)) continue;
    const fieldValue = annotation[field];
    if (typeof fieldValue !== 'string') return null;
    copy[field] = fieldValue;
  }
  return copyUnknownFields(annotation, ANNOTATION_FIELDS, copy) ? copy : null;
}

/**
 * `z.array(element)` with the fast path: each item is first given to `fast`, and only the items
 * it does not take are parsed by `element`. When an item fails, the whole list is parsed by
 * `z.array(element)` so that the issues (their paths and messages) are exactly zod's.
 */
export function arrayWithFastPath<Element extends z.ZodType<object>>(element: Element, fast: (value: unknown) => Record<string, unknown> | null) {
  const slow = z.array(element);
  type Item = z.output<Element>;
  // Typed as the list it stands for (what a request must hold), checked in the transform.
  return z.custom<z.input<Element>[]>(() => true).transform((value: unknown, context): Item[] => {
    if (Array.isArray(value)) {
      const items: Item[] = new Array<Item>(value.length);
      let index = 0;
      for (; index < value.length; index++) {
        if (!(index in value)) break;
        const item = value[index] as unknown;
        const quick = fast(item);
        if (quick !== null) {
          // fast() gives only what element's output is for this item (the test holds it to that).
          items[index] = quick as Item;
          continue;
        }
        const parsed = element.safeParse(item);
        if (!parsed.success) break;
        items[index] = parsed.data;
      }
      if (index === value.length) return items;
    }
    const parsed = slow.safeParse(value);
    if (parsed.success) return parsed.data;
    // Already finished by zod (path and message): the object holding the list puts its key in front.
    for (const issue of parsed.error.issues) context.issues.push(issue as z.core.$ZodRawIssue);
    return z.NEVER;
  });
}
