import type { ImportProblem } from './importTypes';
import { splitSourceLines } from './sourceLines';

/** A JSON value read from a source file, with the line it starts on. */
export interface JsonRecord {
  value: unknown;
  line: number;
}

interface ValueExtent {
  start: number;
  end: number;
  line: number;
}

/**
 * Finds the JSON objects and arrays at the top level of a text (values written one after the
 * other, as a pretty-printed "JSON lines" file has them), by bracket depth outside strings.
 * Null when something else than white space sits between them or a value is left open.
 */
function scanTopLevelValues(text: string): ValueExtent[] | null {
  const extents: ValueExtent[] = [];
  let depth = 0;
  let start = 0;
  let startLine = 1;
  const scan = outsideStrings(text);
  for (const { character, index, line } of scan.characters) {
    if (character === '"') {
      if (depth === 0) return null;
    } else if (character === '{' || character === '[') {
      if (depth === 0) {
        start = index;
        startLine = line;
      }
      depth++;
    } else if (character === '}' || character === ']') {
      depth--;
      if (depth < 0) return null;
      if (depth === 0) extents.push({ start, end: index + 1, line: startLine });
    } else if (depth === 0 && !/\s/.test(character)) {
      return null;
    }
  }
  return depth === 0 && !scan.endedInString() ? extents : null;
}

/**
 * The characters of JSON `text` outside strings, each with its line (an opening quote is
 * given, the string's content and closing quote are not); `endedInString`: the text ended
 * inside a string.
 */
function outsideStrings(text: string): { characters: Iterable<{ character: string; index: number; line: number }>; endedInString: () => boolean } {
  let inString = false;
  function* characters(): Generator<{ character: string; index: number; line: number }> {
    let line = 1;
    for (let index = 0; index < text.length; index++) {
      const character = text[index];
      if (character === '\n') line++;
      if (inString) {
        if (character === '\\') index++;
        else if (character === '"') inString = false;
        continue;
      }
      if (character === '"') inString = true;
      yield { character, index, line };
    }
  }
  return { characters: characters(), endedInString: () => inString };
}

/** Line on which each element of the top-level array of `text` starts (for messages). */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let expectingElement = false;
  for (const { character, line } of outsideStrings(text).characters) {
    if (depth === 1 && expectingElement && !/[\s,\]]/.test(character)) {
      lines.push(line);
      expectingElement = false;
    }
    if (character === '{' || character === '[') {
      depth++;
      if (depth === 1) expectingElement = true;
    } else if (character === '}' || character === ']') depth--;
    else if (character === ',' && depth === 1) expectingElement = true;
  }
  return lines;
}

function describeJsonError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the records of a JSON-lines file leniently: one value a line; or, when the lines do
 * not parse on their own but the file is a sequence of pretty-printed values, those values.
 * A top-level array contributes its elements. Lines that parse in neither reading are reported.
 */
export function readJsonRecords(content: string, file: string): { records: JsonRecord[]; skipped: ImportProblem[] } {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const records: JsonRecord[] = [];
  const skipped: ImportProblem[] = [];
  for (const line of splitSourceLines(body)) {
    if (line.text.trim() === '') continue;
    try {
      records.push({ value: JSON.parse(line.text) as unknown, line: line.number });
    } catch (error) {
      skipped.push({ file, line: line.number, reason: `not valid JSON (${describeJsonError(error)}); line skipped`, why: { code: 'invalidJsonLine' } });
    }
  }
  if (skipped.length > 0) {
    const extents = scanTopLevelValues(body);
    if (extents) {
      try {
        const values = extents.map((extent) => ({ value: JSON.parse(body.slice(extent.start, extent.end)) as unknown, line: extent.line }));
        return { records: expandArrays(values, body, extents), skipped: [] };
      } catch {
        // Not a sequence of multi-line values either: keep the line-by-line reading and its problems.
      }
    }
  }
  return { records: records.flatMap((record) => (Array.isArray(record.value) ? record.value.map((value: unknown) => ({ value, line: record.line })) : [record])), skipped };
}

function expandArrays(values: JsonRecord[], body: string, extents: ValueExtent[]): JsonRecord[] {
  return values.flatMap((record, index) => {
    if (!Array.isArray(record.value)) return [record];
    const extent = extents[index];
    const lines = arrayElementLines(body.slice(extent.start, extent.end));
    return record.value.map((value: unknown, elementIndex) => ({ value, line: extent.line + (lines[elementIndex] ?? 1) - 1 }));
  });
}

/** Reads a whole-file JSON document (Label Studio), with the start line of each top-level array element. */
export function readJsonArray(content: string, file: string): { records: JsonRecord[]; skipped: ImportProblem[] } {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    // Some tools write one task a line instead of an array.
    const lenient = readJsonRecords(body, file);
    if (lenient.records.length > 0) return lenient;
    return { records: [], skipped: [{ file, line: 0, reason: `not valid JSON (${describeJsonError(error)}); file skipped`, why: { code: 'invalidJsonFile' } }] };
  }
  if (!Array.isArray(parsed)) return { records: [{ value: parsed, line: 1 }], skipped: [] };
  const lines = arrayElementLines(body);
  return { records: parsed.map((value: unknown, index) => ({ value, line: lines[index] ?? 0 })), skipped: [] };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
