/**
 * brat's `annotation.conf`, read the way brat's own server reads it (projectconfig.py):
 * - sections `[entities]` (old name `[spans]`), `[relations]`, `[events]`, `[attributes]`;
 * - blank lines and lines starting with `#` are skipped; lines of hyphens are menu separators;
 * - `<NAME>=value` defines a macro, replaced wherever `<NAME>` appears later;
 * - the hierarchy is the number of leading whitespace characters (tabs by convention): a line
 *   one deeper than the one above is its child;
 * - a type name starting with `!` is abstract (hierarchy only, cannot be used to annotate);
 * - a line is `NAME[|ALIAS...]` then, after whitespace, the comma-separated arguments
 *   (`Arg1:Person`, `Value:A|B`, `<REL-TYPE>:symmetric`).
 */
export type ConfSection = 'entities' | 'relations' | 'events' | 'attributes';

export interface ConfType {
  name: string;
  /** Further names given after `|` on the same line. */
  aliases: string[];
  /** `!Type`: structure only, not offered for annotation. */
  abstract: boolean;
  /** Nesting depth (0 for top-level types). */
  depth: number;
  /** Name of the enclosing type, or null at the top. */
  parent: string | null;
  /** Comma-separated arguments with macros expanded, e.g. `Arg1:Person`, `Value:High|Low`. */
  args: string[];
  /** 1-based line number in the file, for messages. */
  line: number;
}

export interface ConfProblem {
  line: number;
  message: string;
}

export interface AnnotationConf {
  /** Each section's types in file order, abstract ones and all. */
  entities: ConfType[];
  relations: ConfType[];
  events: ConfType[];
  attributes: ConfType[];
  problems: ConfProblem[];
}

const SECTION_NAMES: Record<string, ConfSection> = {
  entities: 'entities',
  spans: 'entities',
  relations: 'relations',
  events: 'events',
  attributes: 'attributes',
};

/** Names brat reserves in relation definitions: they configure, they are not relation types. */
const SPECIAL_RELATIONS = new Set(['<OVERLAP>', 'ENTITY-NESTING']);

/**
 * A type line of a known section, macros expanded: its name, aliases, arguments and parent (the
 * last type one level less indented, in `lastAtDepth`). Null, with a problem when it is worth
 * one, for a line that defines no type.
 */
function readTypeLine(rawLine: string, lineNumber: number, section: ConfSection, macros: ReadonlyMap<string, string>, lastAtDepth: readonly ConfType[], problems: AnnotationConf['problems']): ConfType | null {
  let line = rawLine;
  for (const [name, value] of macros) line = line.split(name).join(value);
  // brat's newer configs put a TAB between an attribute's name and its arguments; older ones
  // (brat's own tutorial among them) use spaces. Names never hold whitespace, so both work.
  const match = section === 'attributes' && /^\s*[^\t]*\S\t/.test(line)
    ? /^(\s*)([^\t]+?)\s*\t(.*)$/.exec(line)
    : /^(\s*)(\S+)(?:\s+(.*))?$/.exec(line);
  if (!match) {
    problems.push({ line: lineNumber, message: `Cannot read "${rawLine.trim()}".` });
    return null;
  }
  const [, indent, termsField, argsField] = match;
  const terms = termsField.split('|').map((term) => term.trim()).filter((term) => term !== '');
  if (terms.length === 0) return null;
  if (section === 'relations' && SPECIAL_RELATIONS.has(terms[0])) return null;
  const abstract = terms[0].startsWith('!');
  const name = abstract ? terms[0].slice(1) : terms[0];
  if (name === '') {
    problems.push({ line: lineNumber, message: 'A type without a name is ignored.' });
    return null;
  }
  const depth = indent.length;
  if (depth > 0 && !lastAtDepth[depth - 1]) {
    problems.push({ line: lineNumber, message: `"${name}" is indented but has no parent above it; read as top-level.` });
  }
  const parentType = depth > 0 ? lastAtDepth[depth - 1] : undefined;
  return {
    name,
    aliases: terms.slice(1),
    abstract,
    depth: parentType ? depth : 0,
    parent: parentType ? parentType.name : null,
    args: (argsField ?? '').split(',').map((argument) => argument.trim()).filter((argument) => argument !== ''),
    line: lineNumber,
  };
}

export function parseAnnotationConf(content: string): AnnotationConf {
  const conf: AnnotationConf = { entities: [], relations: [], events: [], attributes: [], problems: [] };
  const macros = new Map<string, string>();
  let section: ConfSection | null = null;
  let unknownSection = false;
  // Per section, the last type seen at each depth: the parent of a line one deeper.
  let lastAtDepth: ConfType[] = [];
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  text.split(/\r\n|\n|\r/).forEach((rawLine, index) => {
    const lineNumber = index + 1;
    if (rawLine.trim() === '' || /^\s*#/.test(rawLine)) return;
    const header = /^\s*\[([^\]]*)\]\s*$/.exec(rawLine);
    if (header) {
      const name = header[1].trim().toLowerCase();
      section = SECTION_NAMES[name] ?? null;
      unknownSection = section === null;
      lastAtDepth = [];
      if (section === null) conf.problems.push({ line: lineNumber, message: `Unknown section [${header[1]}]; its lines are ignored.` });
      return;
    }
    if (/^\s*-+\s*$/.test(rawLine)) return;
    const macro = /^<([a-zA-Z_-]+)>=\s*(.*?)\s*$/.exec(rawLine);
    if (macro) {
      macros.set(`<${macro[1]}>`, macro[2]);
      return;
    }
    if (section === null) {
      if (unknownSection) return;
      conf.problems.push({ line: lineNumber, message: 'A type outside any section is ignored.' });
      return;
    }
    const type = readTypeLine(rawLine, lineNumber, section, macros, lastAtDepth, conf.problems);
    if (type === null) return;
    lastAtDepth = lastAtDepth.slice(0, type.depth);
    lastAtDepth[type.depth] = type;
    conf[section].push(type);
  });
  return conf;
}

/** Names of relation types that can be used (not abstract), in file order. */
export function confRelationTypes(conf: AnnotationConf): string[] {
  return [...new Set(conf.relations.filter((type) => !type.abstract).map((type) => type.name))];
}

export interface ConfAttribute {
  name: string;
  /** What it attaches to, from `Arg:` (e.g. `<ENTITY>`, `<EVENT>`, `Disease`). */
  targets: string[];
  /** Allowed values from `Value:A|B`; empty for a binary (present/absent) attribute. */
  values: string[];
}

export function confAttributes(conf: AnnotationConf): ConfAttribute[] {
  return conf.attributes.filter((type) => !type.abstract).map((type) => {
    const field = (key: string): string[] => {
      const argument = type.args.find((entry) => entry.startsWith(`${key}:`));
      return argument ? argument.slice(key.length + 1).split('|').map((part) => part.trim()).filter((part) => part !== '') : [];
    };
    return { name: type.name, targets: field('Arg'), values: field('Value') };
  });
}
