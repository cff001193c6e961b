import { normalizeSourceText } from './documentText';
import type { BratReason, ImportedArticle, ImportedFragment, ImportedRelation, ImportedSpan, ImportProblem, ParseResult } from './importTypes';
import { splitSourceLines } from './sourceLines';
import { parseBratReference } from '../../entities/entityExportLinks';

/**
 * brat standoff: `NAME.txt` and `NAME.ann`. Imported: T lines (text-bound annotations,
 * discontinuous ones as `start end;start end` fragments), A/M attributes and `#`
 * AnnotatorNotes of those, R relations between them, E events as roles on their trigger span (a
 * role filled by another event names that event's trigger). (#24) N lines naming `Wikidata:Q…`
 * or `Hashiye:ID` are entity links (the import resolves them against the registry); N lines of
 * other databases and `*` (equivalences) have no place in the native format: each such line is reported. Offsets are
 * code points into the `.txt` as brat reads it (a BOM and CRs count); they are mapped onto
 * the document text, which has neither.
 */
export interface BratDocumentSource {
  /** Article name inside the new corpus (relative path without extension). */
  name: string;
  /** The decoded `.txt`, as it is (BOM and CRs kept). */
  text: string;
  /** The `.ann` contents; empty for an article without annotations. */
  ann: string;
  /** The `.ann` file, as shown in messages. */
  annFile: string;
}

const OFFSETS = /^\d+ \d+(;\d+ \d+)*$/;

function parseFragments(spec: string): Array<[number, number]> | null {
  if (!OFFSETS.test(spec)) return null;
  return spec.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
}

/** What parsing one `.ann` file has gathered so far. */
interface BratParse {
  file: string;
  normalized: ReturnType<typeof normalizeSourceText>;
  sourceCodePoints: string[];
  warnings: ImportProblem[];
  spans: ImportedSpan[];
  spansById: Map<string, ImportedSpan>;
  relations: ImportedRelation[];
}

type Skip = (reason: string, why: BratReason) => void;

/** A T line: the span, its offsets mapped onto the document text; a warning when its text differs from the article's. */
function addEntity(parse: BratParse, lineNumber: number, fields: string[], skip: Skip): void {
  const { sourceCodePoints } = parse;
  const id = fields[0];
  const spec = fields[1] ?? '';
  const space = spec.indexOf(' ');
  const type = space === -1 ? '' : spec.slice(0, space);
  const fragments = space === -1 ? null : parseFragments(spec.slice(space + 1).trim());
  if (fields.length < 2 || type === '' || !fragments) {
    skip(`malformed T line (expected "ID<TAB>Type start end[;start end]<TAB>text"); skipped`, { code: 'bratMalformedEntity' });
    return;
  }
  const outOfRange = fragments.find(([start, end]) => end < start || end > sourceCodePoints.length);
  if (outOfRange) {
    skip(`${id}: offsets ${outOfRange[0]}-${outOfRange[1]} are reversed or past the end of the text (${sourceCodePoints.length} characters); skipped`, {
      code: 'bratOffsetsOutOfRange',
      id,
      start: outOfRange[0],
      end: outOfRange[1],
      length: sourceCodePoints.length,
    });
    return;
  }
  // Fragments keep brat's order, which its text field follows («lacrimal enlargement of glands»).
  const stated = fields.slice(2).join('\t');
  const covered = fragments.map(([start, end]) => sourceCodePoints.slice(start, end).join('')).join(' ');
  if (fields.length >= 3 && covered !== stated) {
    parse.warnings.push({
      file: parse.file,
      line: lineNumber,
      reason: `${id}: the .ann text «${stated}» differs from the article's «${covered}»; the offsets were kept`,
      why: { code: 'bratTextDiffers', id, stated, covered },
    });
  }
  const mapped: ImportedFragment[] = fragments.map(([start, end]) => ({
    start: parse.normalized.toDocumentOffset(start),
    end: parse.normalized.toDocumentOffset(end),
  }));
  const span: ImportedSpan = {
    id,
    type,
    start: Math.min(...mapped.map((fragment) => fragment.start)),
    end: Math.max(...mapped.map((fragment) => fragment.end)),
  };
  if (mapped.length > 1) span.fragments = mapped;
  if (parse.spansById.has(id)) {
    skip(`${id}: the id is used twice; the later line was skipped`, { code: 'bratDuplicateId', id });
    return;
  }
  parse.spans.push(span);
  parse.spansById.set(id, span);
}

/** An A/M attribute, a `#` AnnotatorNotes or an R relation, once every T line is known. */
function addLateLine(parse: BratParse, fields: string[], skip: Skip): void {
  const { spansById } = parse;
  const id = fields[0];
  const words = (fields[1] ?? '').split(' ').filter((word) => word !== '');
  if (id.startsWith('A') || id.startsWith('M')) {
    const [name, target, value] = words;
    const span = target ? spansById.get(target) : undefined;
    if (!name || !span) {
      skip(`${id}: attribute of ${target ?? 'nothing'}, which is not an imported T annotation; skipped`, { code: 'bratAttributeTarget', id });
      return;
    }
    span.attributes = { ...span.attributes, [name]: value ?? true };
  } else if (id.startsWith('#')) {
    const [kind, target] = words;
    const span = target ? spansById.get(target) : undefined;
    if (kind !== 'AnnotatorNotes' || !span) {
      skip(`${id}: only AnnotatorNotes on imported T annotations are imported; skipped`, { code: 'bratNoteTarget', id });
      return;
    }
    const note = fields.slice(2).join('\t');
    span.note = span.note === undefined ? note : `${span.note}\n${note}`;
  } else {
    const [type, ...args] = words;
    const targets = args.map((argument) => argument.slice(argument.indexOf(':') + 1));
    if (!type || targets.length !== 2 || !targets.every((target) => spansById.has(target))) {
      skip(`${id}: relation needs two arguments that are imported T annotations; skipped`, { code: 'bratRelationArguments', id });
      return;
    }
    parse.relations.push({ id, type, from: targets[0], to: targets[1] });
  }
}

/** (#24) An N line `Reference T1 Wikidata:Q42` or `Reference T1 Hashiye:ID`: the span's entity link; others are reported. */
function addNormalization(parse: BratParse, fields: string[], skip: Skip): void {
  const id = fields[0];
  const [kind, target, reference = ''] = (fields[1] ?? '').split(' ').filter((word) => word !== '');
  const span = target ? parse.spansById.get(target) : undefined;
  const link = parseBratReference(reference);
  if (kind !== 'Reference' || !span || link === null || span.link !== undefined) {
    skip(`${id}: only one Wikidata:Q… or Hashiye:ID reference per imported T annotation is imported (as its entity link); skipped`, { code: 'bratNormalization', id });
    return;
  }
  span.link = link;
}

/** E lines as roles on their trigger spans, once every T line is known (an event may name a later one). */
function addEvents(parse: BratParse, lines: ReadonlyArray<{ number: number; fields: string[] }>, skipperAt: (line: number) => Skip): void {
  const triggerOf = new Map<string, string>();
  for (const { fields } of lines) {
    const head = (fields[1] ?? '').split(' ').find((word) => word !== '') ?? '';
    if (!triggerOf.has(fields[0])) triggerOf.set(fields[0], head.slice(head.indexOf(':') + 1));
  }
  for (const { number, fields } of lines) {
    const skip = skipperAt(number);
    const id = fields[0];
    const [head = '', ...args] = (fields[1] ?? '').split(' ').filter((word) => word !== '');
    const trigger = parse.spansById.get(head.slice(head.indexOf(':') + 1));
    const roles = args.map((argument) => {
      const ref = argument.slice(argument.indexOf(':') + 1);
      return { role: argument.slice(0, argument.indexOf(':')), target: triggerOf.get(ref) ?? ref };
    });
    if (!trigger || !head.includes(':') || roles.some((role) => role.role === '' || !parse.spansById.has(role.target))) {
      skip(`${id}: event needs a trigger and arguments that are imported T annotations (or events); skipped`, { code: 'bratEventArguments', id });
    } else if (trigger.roles) {
      skip(`${id}: a second event on the trigger ${trigger.id} is not imported (one event per trigger)`, { code: 'bratEventSecondOnTrigger', id, trigger: trigger.id });
    } else {
      trigger.roles = roles;
    }
  }
}

export function parseBratDocument(source: BratDocumentSource): ParseResult {
  const file = source.annFile;
  const parse: BratParse = {
    file,
    normalized: normalizeSourceText(source.text),
    sourceCodePoints: Array.from(source.text),
    warnings: [],
    spans: [],
    spansById: new Map(),
    relations: [],
  };
  const skipped: ImportProblem[] = [];
  const skipperAt = (line: number): Skip => (reason, why) => {
    skipped.push({ file, line, reason, why });
  };
  const lateLines: Array<{ number: number; fields: string[] }> = [];
  const eventLines: Array<{ number: number; fields: string[] }> = [];
  const normalizationLines: Array<{ number: number; fields: string[] }> = [];

  for (const line of splitSourceLines(source.ann)) {
    if (line.text.trim() === '') continue;
    const fields = line.text.split('\t');
    const id = fields[0];
    const skip = skipperAt(line.number);
    if (id.startsWith('T')) addEntity(parse, line.number, fields, skip);
    else if (id.startsWith('A') || id.startsWith('M') || id.startsWith('R') || id.startsWith('#')) lateLines.push({ number: line.number, fields });
    else if (id.startsWith('E')) eventLines.push({ number: line.number, fields });
    else if (id.startsWith('N')) normalizationLines.push({ number: line.number, fields });
    else if (id.startsWith('*')) skip('equivalence (*) lines are not imported', { code: 'bratEquivalence' });
    else skip(`unknown brat line kind «${id}»; skipped`, { code: 'bratUnknownLine', id });
  }
  // Attributes, notes and relations refer to T ids that may come later in the file.
  for (const { number, fields } of lateLines) addLateLine(parse, fields, skipperAt(number));
  addEvents(parse, eventLines, skipperAt);
  for (const { number, fields } of normalizationLines) addNormalization(parse, fields, skipperAt(number));

  const article: ImportedArticle = {
    name: source.name,
    text: parse.normalized.text,
    spans: parse.spans,
    relations: parse.relations,
    labels: [],
    origin: { file, line: 0 },
  };
  return { articles: [article], skipped, warnings: parse.warnings };
}
