import { applyNativeChanges } from './nativeBridge';
import { parseStandoff, serializeStandoff, StandoffEditError } from './standoffDocument';
import type { StoredAnnotation, StoredRelation } from '../model/nativeFormat';

/**
 * Exporting an article of a brat corpus back to brat: the `.ann` file it was read from is the
 * base, and only what differs between it and the annotations being exported is patched in
 * (nativeBridge's line patching, the same as a save in brat mode). An article nobody edited
 * therefore comes out byte for byte as it was: its E, N, `*`, `#` and M lines, its A ids, the
 * trailing TAB of its R lines, its line ends and its BOM, none of which the native view holds.
 */

export interface StandoffExport {
  /** The `.ann` file's text. */
  content: string;
  /** Types of the T (not event triggers), R and E lines written, for a configuration file the export must make up. */
  entityTypes: string[];
  relationTypes: string[];
  eventTypes: string[];
  /** Attribute names, as `name` (a flag) or `name TAB value`. */
  attributeNames: string[];
}

export interface StandoffExportInput {
  /** The `.ann` file as read (string of its UTF-8 bytes, BOM kept). */
  source: string;
  /** The document text the annotations' offsets count into. */
  text: string;
  annotations: readonly StoredAnnotation[];
  relations: readonly StoredRelation[];
}

/**
 * The `.ann` of an article exported from its brat source, or null when the annotations cannot
 * be laid onto it (an id that names another kind of line): the caller then writes the file anew.
 */
export function exportFromStandoffSource(input: StandoffExportInput): StandoffExport | null {
  const source = parseStandoff(input.source);
  let content: string;
  let document = source;
  try {
    document = applyNativeChanges(source, Array.from(input.text), { annotations: input.annotations, relations: input.relations }).document;
    content = serializeStandoff(document);
  } catch (error) {
    if (error instanceof StandoffEditError) return null;
    throw error;
  }
  const entityTypes: string[] = [];
  const relationTypes: string[] = [];
  const eventTypes: string[] = [];
  const attributeNames: string[] = [];
  // A T line an E line names as its trigger is the event's, not an entity.
  const triggers = new Set(document.lines.flatMap((line) => (line.kind === 'event' ? [line.trigger] : [])));
  for (const line of document.lines) {
    if (line.kind === 'entity' && !triggers.has(line.id)) entityTypes.push(line.type);
    else if (line.kind === 'relation') relationTypes.push(line.type);
    else if (line.kind === 'event') eventTypes.push(line.type);
    else if (line.kind === 'attribute') attributeNames.push(line.value === null ? line.name : `${line.name}\t${line.value}`);
  }
  return { content, entityTypes, relationTypes, eventTypes, attributeNames };
}
