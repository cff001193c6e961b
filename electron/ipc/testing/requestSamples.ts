/**
 * A valid request for a channel, built from its schema in shared/ipc.ts: every article id is
 * `articleId`, every other field the simplest value its schema takes. Lets the dispatcher's
 * tests reach each channel that names articles without listing the channels by hand.
 */
import type { z } from 'zod';
import { ArticleRefSchema } from '../../../shared/articleId';
import { ipcContract, type Channel } from '../../../shared/ipc';
import { articleRefPaths } from '../articleRefs';

type Schema = z.ZodType;
interface Definition {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  options?: readonly Schema[];
  entries?: Record<string, string>;
  values?: readonly unknown[];
  in?: Schema;
  checks?: readonly { _zod: { def: { check: string; minimum?: number } } }[];
}

function sample(schema: Schema, articleId: string): unknown {
  if (schema === ArticleRefSchema) return articleId;
  const built = sampleOfKind(schema, articleId);
  // A kind whose inside is not visible (a custom schema, a pipe from unknown): the first plain value it takes.
  if (schema.safeParse(built).success) return built;
  return PLAIN_VALUES.find((value) => schema.safeParse(value).success) ?? built;
}

function sampleOfKind(schema: Schema, articleId: string): unknown {
  const definition = schema._zod.def as unknown as Definition;
  const holdsRefs = (inner: Schema) => articleRefPaths(inner).length > 0;
  switch (definition.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(definition.shape ?? {})
          .filter(([, field]) => (field._zod.def as unknown as Definition).type !== 'optional' || holdsRefs(field))
          .map(([key, field]) => [key, sample(field, articleId)]),
      );
    case 'array': {
      const length = Math.max(definition.element && holdsRefs(definition.element) ? 1 : 0, minimumLength(definition));
      return Array.from({ length }, () => (definition.element ? sample(definition.element, articleId) : null));
    }
    case 'optional':
    case 'nullable':
      return definition.innerType && holdsRefs(definition.innerType) ? sample(definition.innerType, articleId) : definition.type === 'nullable' ? null : undefined;
    case 'default':
      return definition.innerType ? sample(definition.innerType, articleId) : undefined;
    case 'union': {
      const options = definition.options ?? [];
      return sample(options.find(holdsRefs) ?? options[0], articleId);
    }
    case 'pipe':
      return definition.in ? sample(definition.in, articleId) : undefined;
    case 'enum':
      return Object.values(definition.entries ?? {})[0];
    case 'literal':
      return definition.values?.[0];
    case 'boolean':
      return false;
    case 'number':
      return 0;
    default:
      return 'x';
  }
}

const PLAIN_VALUES: readonly unknown[] = ['x', [], 0, false, null, {}];

function minimumLength(definition: Definition): number {
  const minimum = (definition.checks ?? []).map((check) => check._zod.def).find((check) => check.check === 'min_length');
  return minimum?.minimum ?? 0;
}

/** A request of `channel` that its schema accepts, naming `articleId` wherever it names an article. */
export function sampleRequest(channel: Channel, articleId: string): Record<string, unknown> {
  return sample(ipcContract[channel].request, articleId) as Record<string, unknown>;
}

/** `request` with the article id at `refPath` (as articleRefPaths names it: `id`, `ids[]`, `a.b`) replaced by `id`. */
export function withArticleIdAt(request: Record<string, unknown>, refPath: string, id: string): Record<string, unknown> {
  const [head, ...rest] = refPath.split('.');
  const isList = head.endsWith('[]');
  const key = isList ? head.slice(0, -2) : head;
  const current = request[key];
  const replaced = rest.length === 0 ? id : withArticleIdAt((isList ? (current as Record<string, unknown>[])[0] : current) as Record<string, unknown>, rest.join('.'), id);
  // In a list, a good id before the bad one: one bad id refuses the whole request.
  return { ...request, [key]: isList ? [...(current as unknown[]), replaced] : replaced };
}
