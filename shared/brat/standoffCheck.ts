import type { AnnotationConf, ConfType } from './annotationConf';
import { parseStandoff } from './standoffDocument';
import { definedId, referencedIds, type EntityLine, type StandoffLine } from './standoffLine';

/**
 * Checks one brat `.ann` against its text and, when there is one, its `annotation.conf`, the
 * way `hashiye validate` reports a brat corpus: every problem with its 1-based line.
 * - syntax: a line that is not a T/R/E/A/M/N/#/* line of brat's standoff format;
 * - offsets: fragments past the end of the text, and the text field against the text (a
 *   discontinuous span's fragments joined by a space, as brat writes them);
 * - ids: defined twice; references (R/E arguments, A/M/N/# targets, `*` members) to ids that
 *   no line defines;
 * - conf: types and attributes the conf does not define, relation arguments of a type the conf
 *   does not allow there.
 * Offsets are code points of the text with CRLF read as one character, as brat's server reads it.
 */
export interface StandoffProblem {
  line: number;
  kind: 'syntax' | 'offsets' | 'text' | 'duplicate-id' | 'reference' | 'conf';
  message: string;
}

interface Defined {
  line: StandoffLine;
  number: number;
}

function checkEntity(line: EntityLine, number: number, codePoints: readonly string[] | null, problems: StandoffProblem[]): void {
  if (codePoints === null) return;
  const bad = line.fragments.find((fragment) => fragment.end > codePoints.length || fragment.end < fragment.start);
  if (bad) {
    problems.push({ line: number, kind: 'offsets', message: `${line.id} (${line.type}) at ${bad.start}-${bad.end} is outside the text (${codePoints.length} characters).` });
    return;
  }
  const covered = line.fragments.map((fragment) => codePoints.slice(fragment.start, fragment.end).join('')).join(' ');
  if (line.text !== null && line.text !== covered) {
    problems.push({ line: number, kind: 'text', message: `${line.id} (${line.type}) says «${line.text}» but the text has «${covered}» there.` });
  }
}

/** Every name (and alias) a conf section defines for annotation. */
function namesOf(types: readonly ConfType[]): Set<string> {
  return new Set(types.filter((type) => !type.abstract).flatMap((type) => [type.name, ...type.aliases]));
}

/** A type and its ancestors in the conf's hierarchy, for argument constraints given on a parent type. */
function lineage(type: string, conf: AnnotationConf): string[] {
  const found = [type];
  let current = conf.entities.find((entry) => entry.name === type);
  while (current?.parent) {
    found.push(current.parent);
    const parent = current.parent;
    current = conf.entities.find((entry) => entry.name === parent);
  }
  return found;
}

/** Relation arguments whose entity type the conf does not allow (`Arg1:Person|Organization`). */
function checkRelationArguments(line: Extract<StandoffLine, { kind: 'relation' }>, number: number, conf: AnnotationConf, ids: ReadonlyMap<string, Defined>, problems: StandoffProblem[]): void {
  const definition = conf.relations.find((type) => type.name === line.type || type.aliases.includes(line.type));
  if (!definition) return;
  for (const argument of line.args) {
    const rule = definition.args.find((entry) => entry.startsWith(`${argument.role}:`));
    const target = ids.get(argument.ref)?.line;
    if (!rule || !target || target.kind !== 'entity') continue;
    const allowed = rule.slice(argument.role.length + 1).split('|').map((part) => part.trim());
    if (allowed.includes('<ENTITY>') || allowed.includes('<ANY>')) continue;
    if (!lineage(target.type, conf).some((type) => allowed.includes(type))) {
      problems.push({ line: number, kind: 'conf', message: `${line.id} (${line.type}): ${argument.role} is ${argument.ref} of type ${target.type}, but annotation.conf allows ${allowed.join(', ')}.` });
    }
  }
}

function checkConf(line: StandoffLine, number: number, conf: AnnotationConf, ids: ReadonlyMap<string, Defined>, problems: StandoffProblem[]): void {
  const say = (message: string): void => {
    problems.push({ line: number, kind: 'conf', message });
  };
  if (line.kind === 'entity' && !namesOf(conf.entities).has(line.type) && !namesOf(conf.events).has(line.type)) say(`${line.id}: the entity type ${line.type} is not in annotation.conf.`);
  if (line.kind === 'event' && !namesOf(conf.events).has(line.type)) say(`${line.id}: the event type ${line.type} is not in annotation.conf.`);
  if (line.kind === 'attribute' && !namesOf(conf.attributes).has(line.name)) say(`${line.id}: the attribute ${line.name} is not in annotation.conf.`);
  if (line.kind === 'relation') {
    if (!namesOf(conf.relations).has(line.type)) say(`${line.id}: the relation type ${line.type} is not in annotation.conf.`);
    else checkRelationArguments(line, number, conf, ids, problems);
  }
}

/** The problems of one `.ann`; `text` null when its `.txt` is missing (offsets are then not checked). */
export function checkStandoff(ann: string, text: string | null, conf: AnnotationConf | null): StandoffProblem[] {
  const problems: StandoffProblem[] = [];
  const lines = parseStandoff(ann).lines;
  const codePoints = text === null ? null : Array.from(text.replace(/\r\n/g, '\n'));
  const ids = new Map<string, Defined>();
  lines.forEach((line, index) => {
    const id = definedId(line);
    if (id === null) return;
    const earlier = ids.get(id);
    if (earlier) problems.push({ line: index + 1, kind: 'duplicate-id', message: `The id ${id} is already defined on line ${earlier.number}.` });
    else ids.set(id, { line, number: index + 1 });
  });
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line.kind === 'opaque') {
      // Blank lines carry nothing and brat's reader passes them by.
      if (line.reason !== 'blank line') problems.push({ line: number, kind: 'syntax', message: `Cannot read «${line.raw}»: ${line.reason}.` });
      return;
    }
    if (line.kind === 'entity') checkEntity(line, number, codePoints, problems);
    for (const ref of referencedIds(line)) {
      if (!ids.has(ref)) problems.push({ line: number, kind: 'reference', message: `«${line.raw}» points to ${ref}, which no line of this file defines.` });
    }
    if (conf) checkConf(line, number, conf, ids, problems);
  });
  return problems.sort((a, b) => a.line - b.line);
}
