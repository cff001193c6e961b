/**
 * (#24) A gazetteer: phrases with the entity type each one is tagged with. Read from a TSV
 * (`phrase TAB type`, the fixed contract) or a CSV (`phrase,type`, quoted fields allowed), UTF-8
 * with or without a byte-order mark, `#` starting a comment line; or built from the corpus's
 * entity registry, every name and alias a phrase of its entity's type.
 */
export interface GazetteerEntry {
  phrase: string;
  type: string;
  /** The line of the file it came from (1-based); absent for a registry entry. */
  line?: number;
}

/** A line that was not taken, with why (in English: the CLI and the logs print it; the window words the count). */
export interface GazetteerLineProblem {
  line: number;
  message: string;
}

export interface ParsedGazetteer {
  entries: GazetteerEntry[];
  problems: GazetteerLineProblem[];
}

export type GazetteerSyntax = 'tsv' | 'csv';

/** TSV unless the file's name says .csv; a TSV line without a tab that has a comma is still refused, not guessed. */
export function gazetteerSyntaxOf(fileName: string): GazetteerSyntax {
  return fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'tsv';
}

/** The fields of one CSV line (RFC 4180 quoting within the line; a phrase never holds a line break). */
function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let index = 0;
  while (index <= line.length) {
    if (line[index] === '"') {
      let value = '';
      index++;
      for (;;) {
        if (index >= line.length) return null;
        if (line[index] === '"') {
          if (line[index + 1] === '"') {
            value += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        value += line[index++];
      }
      if (index < line.length && line[index] !== ',') return null;
      fields.push(value);
      index++;
    } else {
      const comma = line.indexOf(',', index);
      const end = comma === -1 ? line.length : comma;
      fields.push(line.slice(index, end));
      index = end + 1;
    }
  }
  return fields;
}

function fieldsOf(line: string, syntax: GazetteerSyntax): string[] | null {
  return syntax === 'tsv' ? line.split('\t') : csvFields(line);
}

const TYPE_NAME = /^[^\s,]+$/u;

/** One line's entry, or why it is not one. */
function entryOfLine(line: string, number: number, syntax: GazetteerSyntax): GazetteerEntry | GazetteerLineProblem {
  const fields = fieldsOf(line, syntax);
  const separator = syntax === 'tsv' ? 'a tab' : 'a comma';
  if (fields === null) return { line: number, message: `Line ${number}: an unclosed quote.` };
  if (fields.length < 2) return { line: number, message: `Line ${number}: no type (phrase, ${separator}, type expected).` };
  if (fields.length > 2) return { line: number, message: `Line ${number}: ${fields.length} fields (phrase, ${separator}, type expected).` };
  const phrase = fields[0].trim();
  const type = fields[1].trim();
  if (phrase === '') return { line: number, message: `Line ${number}: the phrase is empty.` };
  if (!TYPE_NAME.test(type)) return { line: number, message: `Line ${number}: "${type}" is not a type name.` };
  return { phrase, type, line: number };
}

/**
 * Reads a gazetteer file's text. Every line that is not blank or a comment is an entry or a
 * problem with its line number; nothing is guessed. A phrase listed twice with one type is kept
 * once; with two types the first wins and the second line is reported.
 */
export function parseGazetteer(text: string, syntax: GazetteerSyntax): ParsedGazetteer {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u);
  const entries: GazetteerEntry[] = [];
  const problems: GazetteerLineProblem[] = [];
  const typeOfPhrase = new Map<string, GazetteerEntry>();
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const entry = entryOfLine(line, number, syntax);
    if (!('phrase' in entry)) {
      problems.push(entry);
      return;
    }
    const earlier = typeOfPhrase.get(entry.phrase);
    if (earlier === undefined) {
      typeOfPhrase.set(entry.phrase, entry);
      entries.push(entry);
    } else if (earlier.type !== entry.type) {
      problems.push({ line: number, message: `Line ${number}: "${entry.phrase}" is already ${earlier.type} (line ${earlier.line ?? '?'}); ${entry.type} ignored.` });
    }
  });
  return { entries, problems };
}

/** The registry's shape as the gazetteer reads it (entities.json, #24 item 1). */
export type RegistryEntities = ReadonlyArray<{ id: string; type: string; names: { fa?: string; latin?: string }; aliases: readonly string[] }>;

/** Every name and alias of every entity, as a phrase of the entity's type; a phrase two entities of different types share is kept for the first. */
export function gazetteerFromRegistry(entities: RegistryEntities): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    for (const phrase of [entity.names.fa, entity.names.latin, ...entity.aliases]) {
      const trimmed = phrase?.trim();
      if (!trimmed || seen.has(trimmed)) continue;
      seen.add(trimmed);
      entries.push({ phrase: trimmed, type: entity.type });
    }
  }
  return entries;
}
