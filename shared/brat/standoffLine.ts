/**
 * One line of a brat standoff file (`NAME.ann`), understood or not. Every line keeps its exact
 * content (`raw`) and line end (`eol`), so a document is written back byte for byte; the parsed
 * fields are a reading of `raw`, never a replacement for it.
 *
 * brat's line types (https://brat.nlplab.org/standoff.html):
 *   T  text-bound     `T1\tType 0 5;7 9\ttext`
 *   R  relation       `R1\tType Arg1:T1 Arg2:T2`
 *   E  event          `E1\tType:T3 Role:T1 Role2:E2`
 *   A/M attribute     `A1\tName T1` (binary) or `A1\tName T1 Value`
 *   N  normalization  `N1\tReference T1 Wikipedia:123\ttext`
 *   *  equivalence    `*\tEquiv T1 T2 T3`
 *   #  note           `#1\tAnnotatorNotes T1\tnote text`
 */

export interface SpanFragment {
  /** Code point offset into the document text, inclusive. */
  start: number;
  /** Code point offset into the document text, exclusive. */
  end: number;
}

export interface ArgumentReference {
  role: string;
  ref: string;
}

interface LineBase {
  /** The line's content without its line end, exactly as in the file. */
  raw: string;
  /** `\n`, `\r\n`, `\r` or `` (the last line of a file without a final newline). */
  eol: string;
}

export interface EntityLine extends LineBase {
  kind: 'entity';
  id: string;
  type: string;
  fragments: SpanFragment[];
  /** The text field as written (it may differ from the article); null when the line has none. */
  text: string | null;
}

export interface RelationLine extends LineBase {
  kind: 'relation';
  id: string;
  type: string;
  args: ArgumentReference[];
}

export interface EventLine extends LineBase {
  kind: 'event';
  id: string;
  type: string;
  trigger: string;
  args: ArgumentReference[];
}

export interface AttributeLine extends LineBase {
  kind: 'attribute';
  id: string;
  name: string;
  target: string;
  /** Null for a binary attribute (present or absent). */
  value: string | null;
}

export interface NormalizationLine extends LineBase {
  kind: 'normalization';
  id: string;
  type: string;
  target: string;
  reference: string;
  text: string | null;
}

export interface EquivalenceLine extends LineBase {
  kind: 'equivalence';
  type: string;
  members: string[];
}

export interface NoteLine extends LineBase {
  kind: 'note';
  id: string;
  type: string;
  target: string;
  text: string;
}

/** A line this parser does not understand (blank, unknown letter, malformed): kept as it is. */
export interface OpaqueLine extends LineBase {
  kind: 'opaque';
  reason: string;
}

export type StandoffLine = EntityLine | RelationLine | EventLine | AttributeLine | NormalizationLine | EquivalenceLine | NoteLine | OpaqueLine;

/** Lines that carry an id of their own (everything but `*` and opaque lines). */
export type IdentifiedLine = Exclude<StandoffLine, EquivalenceLine | OpaqueLine>;

const ID_PATTERN = /^([TRAEMN#])(\S*)$/;
const NON_NEGATIVE_INTEGER = /^\d+$/;

function opaque(raw: string, eol: string, reason: string): OpaqueLine {
  return { kind: 'opaque', raw, eol, reason };
}

function splitWords(field: string): string[] {
  return field.split(/\s+/).filter((word) => word !== '');
}

/** `0 5;7 9` → fragments, or null when malformed (negative, reversed, not integers). */
export function parseFragments(spans: string): SpanFragment[] | null {
  const fragments: SpanFragment[] = [];
  for (const part of spans.split(';')) {
    const words = splitWords(part);
    if (words.length !== 2 || !NON_NEGATIVE_INTEGER.test(words[0]) || !NON_NEGATIVE_INTEGER.test(words[1])) return null;
    const start = Number(words[0]);
    const end = Number(words[1]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return null;
    fragments.push({ start, end });
  }
  return fragments.length > 0 ? fragments : null;
}

function parseArgument(word: string): ArgumentReference | null {
  const colon = word.lastIndexOf(':');
  if (colon <= 0 || colon === word.length - 1) return null;
  return { role: word.slice(0, colon), ref: word.slice(colon + 1) };
}

function parseArguments(words: readonly string[]): ArgumentReference[] | null {
  const args: ArgumentReference[] = [];
  for (const word of words) {
    const argument = parseArgument(word);
    if (!argument) return null;
    args.push(argument);
  }
  return args;
}

/** Reads one line's content (without its line end). Never throws: what it cannot read is opaque. */
export function parseStandoffLine(raw: string, eol: string): StandoffLine {
  if (raw.trim() === '') return opaque(raw, eol, 'blank line');
  const fields = raw.split('\t');
  const id = fields[0];
  const data = fields[1];
  // Everything after the second tab, tabs included: a text field may itself hold a tab.
  const tail = fields.length > 2 ? fields.slice(2).join('\t') : null;
  if (data === undefined) return opaque(raw, eol, 'no tab after the id');
  const words = splitWords(data);
  if (id === '*') {
    if (words.length < 3) return opaque(raw, eol, 'an equivalence needs a type and two members');
    return { kind: 'equivalence', raw, eol, type: words[0], members: words.slice(1) };
  }
  const idMatch = ID_PATTERN.exec(id);
  if (!idMatch) return opaque(raw, eol, `unknown line type "${id}"`);
  switch (idMatch[1]) {
    case 'T': {
      const typeMatch = /^\s*(\S+)\s+(.*)$/.exec(data);
      const fragments = typeMatch ? parseFragments(typeMatch[2]) : null;
      if (!typeMatch || !fragments) return opaque(raw, eol, 'malformed text-bound annotation');
      return { kind: 'entity', raw, eol, id, type: typeMatch[1], fragments, text: tail };
    }
    case 'R': {
      const args = words.length >= 2 ? parseArguments(words.slice(1)) : null;
      if (!args) return opaque(raw, eol, 'malformed relation');
      return { kind: 'relation', raw, eol, id, type: words[0], args };
    }
    case 'E': {
      const head = words.length >= 1 ? parseArgument(words[0]) : null;
      const args = parseArguments(words.slice(1));
      if (!head || !args) return opaque(raw, eol, 'malformed event');
      return { kind: 'event', raw, eol, id, type: head.role, trigger: head.ref, args };
    }
    case 'A':
    case 'M': {
      if (words.length < 2 || words.length > 3) return opaque(raw, eol, 'malformed attribute');
      return { kind: 'attribute', raw, eol, id, name: words[0], target: words[1], value: words[2] ?? null };
    }
    case 'N': {
      if (words.length !== 3) return opaque(raw, eol, 'malformed normalization');
      return { kind: 'normalization', raw, eol, id, type: words[0], target: words[1], reference: words[2], text: tail };
    }
    case '#': {
      if (words.length !== 2) return opaque(raw, eol, 'malformed note');
      return { kind: 'note', raw, eol, id, type: words[0], target: words[1], text: tail ?? '' };
    }
    default:
      return opaque(raw, eol, `unknown line type "${id}"`);
  }
}

/** The ids of annotations a line points at (arguments, targets, members); none for T and opaque lines. */
export function referencedIds(line: StandoffLine): string[] {
  switch (line.kind) {
    case 'relation':
      return line.args.map((argument) => argument.ref);
    case 'event':
      return [line.trigger, ...line.args.map((argument) => argument.ref)];
    case 'attribute':
    case 'normalization':
    case 'note':
      return [line.target];
    case 'equivalence':
      return line.members;
    default:
      return [];
  }
}

/** The id a line defines, if any. */
export function definedId(line: StandoffLine): string | null {
  return line.kind === 'opaque' || line.kind === 'equivalence' ? null : line.id;
}

export function formatFragments(fragments: readonly SpanFragment[]): string {
  return fragments.map((fragment) => `${fragment.start} ${fragment.end}`).join(';');
}

export function formatEntityRaw(id: string, type: string, fragments: readonly SpanFragment[], text: string | null): string {
  const head = `${id}\t${type} ${formatFragments(fragments)}`;
  return text === null ? head : `${head}\t${text}`;
}

export function formatRelationRaw(id: string, type: string, args: readonly ArgumentReference[]): string {
  return `${id}\t${[type, ...args.map((argument) => `${argument.role}:${argument.ref}`)].join(' ')}`;
}

export function formatAttributeRaw(id: string, name: string, target: string, value: string | null): string {
  return value === null ? `${id}\t${name} ${target}` : `${id}\t${name} ${target} ${value}`;
}

export function formatNoteRaw(id: string, type: string, target: string, text: string): string {
  return `${id}\t${type} ${target}\t${text}`;
}

export function formatEventRaw(id: string, type: string, trigger: string, args: readonly ArgumentReference[]): string {
  return `${id}\t${[`${type}:${trigger}`, ...args.map((argument) => `${argument.role}:${argument.ref}`)].join(' ')}`;
}
