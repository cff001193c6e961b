/**
 * The article ids a request names, found from its schema in shared/ipc.ts: every field declared
 * with `ArticleRefSchema` (shared/articleId.ts). The dispatcher confines them to the opened corpus
 * before the handler runs, and hands the handler a `ConfinedArticle` in their place; a channel
 * added to the contract with such a field is confined without being listed anywhere else.
 */
import type { z } from 'zod';
import { ArticleRefSchema, type ArticleRef } from '../../shared/articleId';
import { ipcContract, type Channel } from '../../shared/ipc';
import type { ConfinedArticle } from '../services/corpus/corpusPaths';

/** A request as a handler receives it: every article id replaced by the confined article. */
export type Confined<T> = T extends ArticleRef
  ? ConfinedArticle
  : // A branded number (an offset of shared/anchoring) is a primitive, not an object to map.
    T extends string | number | boolean | bigint | symbol | null | undefined
    ? T
    : T extends readonly (infer Element)[]
    ? Confined<Element>[]
    : T extends object
      ? { [K in keyof T]: Confined<T[K]> }
      : T;

type Schema = z.ZodType;
/** The parts of a zod definition the walk reads (zod 4's `_zod.def`). */
interface SchemaDefinition {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  options?: readonly Schema[];
  in?: Schema;
  out?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  items?: readonly Schema[];
  rest?: Schema | null;
  left?: Schema;
  right?: Schema;
  getter?: () => Schema;
}

/** Kinds that hold no other schema, so never an article id. */
const LEAF_KINDS = new Set(['string', 'number', 'int', 'boolean', 'bigint', 'symbol', 'null', 'undefined', 'void', 'never', 'any', 'unknown', 'date', 'enum', 'literal', 'nan', 'template_literal', 'file', 'custom', 'transform', 'function', 'promise']);
/** Wrappers whose value is the inner schema's, or absent. */
const WRAPPER_KINDS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

const definitionOf = (schema: Schema): SchemaDefinition => schema._zod.def as unknown as SchemaDefinition;

/**
 * Where article ids sit in values of `schema`: `id`, `ids[]`, `selection.articleId`... A schema
 * kind the walk cannot look inside throws, so the contract can never hide an id from it.
 */
export function articleRefPaths(schema: Schema, at = '', visiting = new Set<Schema>()): string[] {
  if (schema === ArticleRefSchema) return [at];
  if (visiting.has(schema)) return [];
  visiting.add(schema);
  try {
    return refPathsInside(schema, at, visiting);
  } finally {
    visiting.delete(schema);
  }
}

function refPathsInside(schema: Schema, at: string, visiting: Set<Schema>): string[] {
  const definition = definitionOf(schema);
  const walk = (inner: Schema, innerAt: string) => articleRefPaths(inner, innerAt, visiting);
  if (LEAF_KINDS.has(definition.type)) return [];
  if (WRAPPER_KINDS.has(definition.type) && definition.innerType) return walk(definition.innerType, at);
  if (definition.type === 'object' && definition.shape) {
    return Object.entries(definition.shape).flatMap(([key, field]) => walk(field, at ? `${at}.${key}` : key));
  }
  if (definition.type === 'array' && definition.element) return walk(definition.element, `${at}[]`);
  if (definition.type === 'union' && definition.options) return [...new Set(definition.options.flatMap((option) => walk(option, at)))];
  // Kinds the confinement does not go into (a pipe may transform what it parsed): fine as long as no article id is inside.
  const children = [definition.in, definition.out, definition.keyType, definition.valueType, ...(definition.items ?? []), definition.rest, definition.left, definition.right, definition.getter?.()];
  const found = children.filter((child): child is Schema => child != null).flatMap((child) => walk(child, at));
  if (found.length === 0 && children.some((child) => child != null)) return [];
  throw new Error(`The dispatcher cannot confine article ids inside a zod ${definition.type} (at "${at}"); name articles in objects, arrays and unions of a request.`);
}

const holdsRefsCache = new WeakMap<Schema, boolean>();
function holdsRefs(schema: Schema): boolean {
  let holds = holdsRefsCache.get(schema);
  if (holds === undefined) {
    holds = articleRefPaths(schema).length > 0;
    holdsRefsCache.set(schema, holds);
  }
  return holds;
}

/**
 * `value` (already parsed by `schema`) with every article id replaced by `confine(id)`; parts
 * of the schema without ids are returned as they are, unwalked (a save's ten thousand
 * annotations cost nothing here).
 */
export function confineArticleRefs(schema: Schema, value: unknown, confine: (id: string) => ConfinedArticle): unknown {
  if (schema === ArticleRefSchema) return confine(value as string);
  if (value === undefined || value === null || !holdsRefs(schema)) return value;
  const definition = definitionOf(schema);
  if (WRAPPER_KINDS.has(definition.type) && definition.innerType) return confineArticleRefs(definition.innerType, value, confine);
  if (definition.type === 'object' && definition.shape) {
    const confined: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, field] of Object.entries(definition.shape)) {
      if (Object.hasOwn(confined, key) && holdsRefs(field)) confined[key] = confineArticleRefs(field, confined[key], confine);
    }
    return confined;
  }
  if (definition.type === 'array' && definition.element) {
    const element = definition.element;
    return (value as unknown[]).map((item) => confineArticleRefs(element, item, confine));
  }
  if (definition.type === 'union' && definition.options) {
    // The option the value was parsed by (the first that accepts it, as zod's union chooses).
    const option = definition.options.find((candidate) => candidate.safeParse(value).success);
    if (option === undefined) throw new Error('A parsed request matches no option of its union.');
    return confineArticleRefs(option, value, confine);
  }
  throw new Error(`The dispatcher cannot confine article ids inside a zod ${definition.type}.`);
}

/** The channels whose requests name articles, with where: derived from the contract, never listed by hand. */
export const articleRefsByChannel: ReadonlyMap<Channel, readonly string[]> = new Map(
  (Object.keys(ipcContract) as Channel[])
    .map((channel) => [channel, articleRefPaths(ipcContract[channel].request)] as const)
    .filter(([, paths]) => paths.length > 0),
);
