import type { AttributeDefinitionInput, TagTypeInput } from '../model/tagSet';
import { cardinalityOfBratSuffix, type EventRoleInput, type EventTypeInput, type RelationTypeInput } from '../tagset/relationTypes';
import { confAttributes, type AnnotationConf, type ConfProblem, type ConfType } from './annotationConf';

/**
 * brat's `[relations]`, `[events]` and `[attributes]` read into the tag set's relation and event
 * types (shared/tagset/relationTypes.ts), the way brat's server reads them:
 * - `Arg1:Person|Organization`: the types an argument may name; `<ENTITY>` stands for every entity
 *   type, `<EVENT>` for every event type, `<ANY>` for any; a type with sub-types in the hierarchy
 *   stands for them too (an abstract one only for them). User macros (`<POG>=...`) are expanded
 *   by parseAnnotationConf already.
 * - `<REL-TYPE>:symmetric` (or `symmetric-transitive`): a relation without direction.
 * - A relation type defined on several lines (`Equiv` for each entity type): one type whose
 *   arguments accept every type any of its lines allows.
 * - Event roles carry brat's cardinality: `Theme`, `Site?`, `Site*`, `Theme+`, `Person-Arg{2}`, `{1-3}`.
 * - Attributes attach by `Arg:`: `<ENTITY>`, `<EVENT>`, `<RELATION>` or type names.
 * Event types are never span tags: `confEntityTagTypes` gives the entity types only.
 */

export interface ConfSchema {
  /** Entity types to tag spans with (file order), with the attributes `[attributes]` gives them. */
  entityTypes: TagTypeInput[];
  relationTypes: RelationTypeInput[];
  eventTypes: EventTypeInput[];
  problems: ConfProblem[];
}

const ANY_TYPE = '<ANY>';
const ENTITY_MACRO = '<ENTITY>';
const EVENT_MACRO = '<EVENT>';
const RELATION_MACRO = '<RELATION>';

function usable(types: readonly ConfType[]): ConfType[] {
  const seen = new Set<string>();
  return types.filter((type) => {
    if (type.abstract || seen.has(type.name) || /\s/.test(type.name)) return false;
    seen.add(type.name);
    return true;
  });
}

/** The entity types an analyst tags spans with: never event types (issue #20). */
export function confEntityTagTypes(conf: AnnotationConf): TagTypeInput[] {
  return usable(conf.entities).map((type) => ({ id: type.name }));
}

/** Type name → the usable types it stands for (itself unless abstract, and every descendant). */
function hierarchyOf(types: readonly ConfType[]): Map<string, string[]> {
  const expansion = new Map<string, string[]>();
  for (const type of types) {
    if (!expansion.has(type.name)) expansion.set(type.name, []);
    if (type.abstract) continue;
    // The type, then each ancestor, gains it.
    for (let current: ConfType | undefined = type; current; current = types.find((candidate) => candidate.name === current?.parent)) {
      const list = expansion.get(current.name) ?? [];
      if (!list.includes(type.name)) list.push(type.name);
      expansion.set(current.name, list);
      if (current.parent === null) break;
    }
  }
  return expansion;
}

interface TypeUniverse {
  entities: string[];
  events: string[];
  expand: Map<string, string[]>;
}

/** `Person|<EVENT>` → the type ids it allows; `[]` (any) for `<ANY>`. */
function allowedTypes(field: string, universe: TypeUniverse): string[] {
  const names = field.split('|').map((name) => name.trim()).filter((name) => name !== '');
  if (names.includes(ANY_TYPE)) return [];
  const result: string[] = [];
  const add = (name: string): void => {
    if (!result.includes(name)) result.push(name);
  };
  for (const name of names) {
    if (name === ENTITY_MACRO) universe.entities.forEach(add);
    else if (name === EVENT_MACRO) universe.events.forEach(add);
    else (universe.expand.get(name) ?? [name]).forEach(add);
  }
  return result;
}

function splitArgument(argument: string): { key: string; value: string } | null {
  const colon = argument.indexOf(':');
  return colon <= 0 ? null : { key: argument.slice(0, colon).trim(), value: argument.slice(colon + 1).trim() };
}

function readRelations(conf: AnnotationConf, universe: TypeUniverse, problems: ConfProblem[]): RelationTypeInput[] {
  const byId = new Map<string, RelationTypeInput>();
  for (const type of conf.relations) {
    if (type.abstract) continue;
    const args: { role: string; types: string[] }[] = [];
    let symmetric = false;
    for (const argument of type.args) {
      const parts = splitArgument(argument);
      if (!parts) continue;
      if (parts.key === '<REL-TYPE>') symmetric ||= parts.value.split('-').includes('symmetric');
      else if (!parts.key.startsWith('<')) args.push({ role: parts.key, types: allowedTypes(parts.value, universe) });
    }
    if (args.length !== 2) {
      problems.push({ line: type.line, message: `Relation "${type.name}" needs two arguments (Arg1, Arg2); it has ${args.length}, and is left out.` });
      continue;
    }
    const known = byId.get(type.name);
    if (!known) {
      byId.set(type.name, { id: type.name, args: [args[0], args[1]], ...(symmetric ? { symmetric } : {}) });
      continue;
    }
    // The same relation on another line (brat allows it): its ends accept the types of both.
    known.args?.forEach((end, index) => {
      const more = args[index].types;
      end.types = (end.types ?? []).length === 0 || more.length === 0 ? [] : [...new Set([...(end.types ?? []), ...more])];
    });
  }
  return [...byId.values()];
}

const ROLE_PATTERN = /^([^?*+{}!<>|]+)(\?|\*|\+|\{[^}]*\})?$/;

function readEventRole(key: string, value: string, universe: TypeUniverse): EventRoleInput | null {
  const match = ROLE_PATTERN.exec(key);
  const cardinality = match ? cardinalityOfBratSuffix(match[2] ?? '') : null;
  if (!match || !cardinality) return null;
  const role: EventRoleInput = { role: match[1], types: allowedTypes(value, universe) };
  if (cardinality.min !== 1 || cardinality.max !== 1) role.cardinality = cardinality;
  return role;
}

function readEvents(conf: AnnotationConf, universe: TypeUniverse, problems: ConfProblem[]): EventTypeInput[] {
  const events: EventTypeInput[] = [];
  for (const type of usable(conf.events)) {
    const roles: EventRoleInput[] = [];
    for (const argument of type.args) {
      const parts = splitArgument(argument);
      if (!parts || parts.key.startsWith('<')) continue;
      const role = readEventRole(parts.key, parts.value, universe);
      if (role === null) problems.push({ line: type.line, message: `Event "${type.name}": cannot read the role "${parts.key}"; it is left out.` });
      else if (roles.some((known) => known.role === role.role)) problems.push({ line: type.line, message: `Event "${type.name}" names the role "${role.role}" twice; the first is used.` });
      else roles.push(role);
    }
    events.push({ id: type.name, roles });
  }
  return events;
}

/** Each `[attributes]` entry onto the entity, relation and event types its `Arg:` names. */
function attachAttributes(conf: AnnotationConf, schema: ConfSchema, universe: TypeUniverse): void {
  for (const attribute of confAttributes(conf)) {
    if (/\s/.test(attribute.name)) continue;
    const definition: AttributeDefinitionInput = attribute.values.length > 0 ? { id: attribute.name, type: 'enum', values: attribute.values } : { id: attribute.name, type: 'boolean' };
    const targets = attribute.targets.length === 0 ? [ENTITY_MACRO] : attribute.targets;
    const named = new Set(allowedTypes(targets.filter((target) => target !== RELATION_MACRO).join('|'), universe));
    const owners: { id: string; attributes?: AttributeDefinitionInput[] }[] = [
      ...schema.entityTypes.filter((type) => named.has(type.id)),
      ...schema.eventTypes.filter((type) => named.has(type.id)),
      ...schema.relationTypes.filter((type) => targets.includes(RELATION_MACRO) || targets.includes(type.id)),
    ];
    for (const owner of owners) owner.attributes = [...(owner.attributes ?? []).filter((known) => known.id !== definition.id), { ...definition }];
  }
}

/** The whole schema of an `annotation.conf`: span tags, relation types, event types, attributes. */
export function confSchema(conf: AnnotationConf): ConfSchema {
  const problems: ConfProblem[] = [];
  const entities = usable(conf.entities).map((type) => type.name);
  const events = usable(conf.events).map((type) => type.name);
  const expand = hierarchyOf([...conf.entities, ...conf.events]);
  const universe: TypeUniverse = { entities, events, expand };
  const schema: ConfSchema = {
    entityTypes: confEntityTagTypes(conf),
    relationTypes: readRelations(conf, universe, problems),
    eventTypes: readEvents(conf, universe, problems),
    problems,
  };
  attachAttributes(conf, schema, universe);
  return schema;
}
