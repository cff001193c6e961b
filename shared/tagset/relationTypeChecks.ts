import type { AttributeDefinitionInput } from '../model/tagSet';
import { ANY_ENTITY, ANY_EVENT, type EventTypeInput, type RelationTypeInput } from './relationTypes';

/**
 * What is wrong with relation and event types about to be saved (#20), as codes: the tag-set
 * editor words them in Persian and English, the main process refuses the save with the English
 * wording (relationTypeProblemText). The first problem found is reported, in the order the
 * types are listed, so that the message points at the row the user sees first.
 */
export type RelationTypeProblem =
  | { code: 'badTypeId'; id: string }
  | { code: 'duplicateTypeId'; id: string }
  | { code: 'idClashesWithEntity'; id: string }
  | { code: 'badRoleName'; owner: string; role: string }
  | { code: 'duplicateRole'; owner: string; role: string }
  | { code: 'roleWithoutTypes'; owner: string; role: string }
  | { code: 'removedTypeInUse'; owner: string; role: string; type: string }
  | { code: 'unknownTypeInUse'; owner: string; role: string; type: string }
  | { code: 'badAttributeId'; owner: string; attribute: string }
  | { code: 'duplicateAttribute'; owner: string; attribute: string }
  | { code: 'enumWithoutValues'; owner: string; attribute: string };

export interface RelationTypeCheckInput {
  /** The entity (span) type ids of the tag set as it will be saved. */
  entityIds: readonly string[];
  /** Entity type ids the user removed in this edit: naming one in a constraint says so. */
  removedEntityIds?: readonly string[];
  relations: readonly RelationTypeInput[];
  events: readonly EventTypeInput[];
}

const TYPE_ID = /^[^\s]+$/;
const ROLE_NAME = /^[^\s:]+$/;

function attributeProblem(owner: string, attributes: readonly AttributeDefinitionInput[]): RelationTypeProblem | null {
  const seen = new Set<string>();
  for (const attribute of attributes) {
    if (!TYPE_ID.test(attribute.id)) return { code: 'badAttributeId', owner, attribute: attribute.id };
    if (seen.has(attribute.id)) return { code: 'duplicateAttribute', owner, attribute: attribute.id };
    seen.add(attribute.id);
    if (attribute.type === 'enum' && (attribute.values ?? []).length === 0) return { code: 'enumWithoutValues', owner, attribute: attribute.id };
  }
  return null;
}

function roleProblem(owner: string, roles: readonly { role: string; types?: string[] }[], known: ReadonlySet<string>, removed: ReadonlySet<string>): RelationTypeProblem | null {
  const seen = new Set<string>();
  for (const { role, types } of roles) {
    if (!ROLE_NAME.test(role)) return { code: 'badRoleName', owner, role };
    if (seen.has(role)) return { code: 'duplicateRole', owner, role };
    seen.add(role);
    if (!types || types.length === 0) return { code: 'roleWithoutTypes', owner, role };
    for (const type of types) {
      if (known.has(type)) continue;
      return { code: removed.has(type) ? 'removedTypeInUse' : 'unknownTypeInUse', owner, role, type };
    }
  }
  return null;
}

/** The first problem of the relation and event types, or null when they can be saved. */
export function findRelationTypeProblem(input: RelationTypeCheckInput): RelationTypeProblem | null {
  const entities = new Set(input.entityIds);
  const known = new Set([...input.entityIds, ...input.events.map((event) => event.id), ANY_ENTITY, ANY_EVENT]);
  const removed = new Set(input.removedEntityIds ?? []);
  const ids = new Set<string>();
  const owners = [...input.relations.map((relation) => ({ id: relation.id, roles: relation.args ?? [], attributes: relation.attributes ?? [] })), ...input.events.map((event) => ({ id: event.id, roles: event.roles, attributes: event.attributes ?? [] }))];
  for (const owner of owners) {
    if (!TYPE_ID.test(owner.id)) return { code: 'badTypeId', id: owner.id };
    if (entities.has(owner.id)) return { code: 'idClashesWithEntity', id: owner.id };
    if (ids.has(owner.id)) return { code: 'duplicateTypeId', id: owner.id };
    ids.add(owner.id);
  }
  for (const owner of owners) {
    const problem = roleProblem(owner.id, owner.roles, known, removed) ?? attributeProblem(owner.id, owner.attributes);
    if (problem) return problem;
  }
  return null;
}

/** The problem in English, for the main process's refusal (the window words the same codes in fa and en). */
export function relationTypeProblemText(problem: RelationTypeProblem): string {
  switch (problem.code) {
    case 'badTypeId':
      return `The type id "${problem.id}" is empty or has spaces.`;
    case 'duplicateTypeId':
      return `The tag set lists the relation or event type ${problem.id} twice.`;
    case 'idClashesWithEntity':
      return `${problem.id} is both an entity type and a relation or event type.`;
    case 'badRoleName':
      return `${problem.owner}: the role name "${problem.role}" is empty or has spaces or colons.`;
    case 'duplicateRole':
      return `${problem.owner} has two roles named ${problem.role}.`;
    case 'roleWithoutTypes':
      return `${problem.owner}: the role ${problem.role} allows no type.`;
    case 'removedTypeInUse':
      return `${problem.owner}: the role ${problem.role} still allows ${problem.type}, which was removed.`;
    case 'unknownTypeInUse':
      return `${problem.owner}: the role ${problem.role} allows ${problem.type}, which is not in the tag set.`;
    case 'badAttributeId':
      return `${problem.owner}: the attribute id "${problem.attribute}" is empty or has spaces.`;
    case 'duplicateAttribute':
      return `${problem.owner} has two attributes named ${problem.attribute}.`;
    case 'enumWithoutValues':
      return `${problem.owner}: the attribute ${problem.attribute} is a choice but lists no values.`;
  }
}
