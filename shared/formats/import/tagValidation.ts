import type { ImportProblem, ImportReason } from './importTypes';
import { removeBidiMarks } from './sourceLines';
import type { ParsedTag, TagScheme } from './tagScheme';

/**
 * Whether a tag column holds tags: a file whose "tags" are not tags (doccano's malformed-CoNLL
 * test file, `SOCCERO SOCCERO SOCCERO`, or a column mapped wrongly) must be refused, not read as
 * entities of a type named after a word. Accepted: `O` and a B-/I-/E-/S- prefix with a type, as
 * the scheme allows (IOB1 and IOB2 have no E-/S-); a bare type (the IO scheme) only when the user
 * says `--scheme io`; with a declared tag set, only its tags.
 */
export interface TagRules {
  scheme: TagScheme | 'auto';
  /** Tags the user declared (`--labels O,B-PER,I-PER`): nothing else is accepted. */
  tagSet?: readonly string[];
}

/** Why `raw` is not a tag under `rules`; null when it is one. */
export function tagRefusal(raw: string, parsed: ParsedTag | null, rules: TagRules): ImportReason | null {
  const tag = removeBidiMarks(raw).trim();
  if (rules.tagSet && !rules.tagSet.includes(tag)) return { code: 'tagNotDeclared', tag };
  if (parsed === null) return { code: 'notATag', tag };
  if (parsed.outside) return null;
  if (parsed.bare && rules.scheme !== 'io' && !rules.tagSet) return { code: 'notATag', tag };
  if ((rules.scheme === 'iob1' || rules.scheme === 'iob2') && (parsed.prefix === 'E' || parsed.prefix === 'S')) return { code: 'tagOutsideScheme', tag, scheme: rules.scheme };
  return null;
}

/** The English words of a tag refusal, for the command line and the tooltip. */
export function describeTagRefusal(reason: ImportReason): string {
  switch (reason.code) {
    case 'tagNotDeclared':
      return `tag «${reason.tag}» is not in the declared tag set`;
    case 'tagOutsideScheme':
      return `tag «${reason.tag}» is not a tag of the ${reason.scheme.toUpperCase()} scheme`;
    case 'notATag':
      return `«${reason.tag}» is not a tag (O, or B-/I-/E-/S- and a type; bare types need --scheme io or a declared tag set)`;
    default:
      return reason.code;
  }
}

/** At most this many refused lines are listed for one file; the file-level problem gives the count. */
const LISTED_LINES = 20;

/**
 * A file with tags that are not tags is refused whole: nothing of it is imported, each bad line
 * is listed (up to 20) and one problem at line 0 says the file was refused and how many lines.
 */
export function refuseTagColumn(file: string, bad: readonly { line: number; why: ImportReason }[]): ImportProblem[] {
  const listed = bad.slice(0, LISTED_LINES).map(({ line, why }) => ({ file, line, reason: `${describeTagRefusal(why)}; file refused`, why }));
  return [
    ...listed,
    {
      file,
      line: 0,
      reason: `${bad.length} line(s) hold something that is not a tag; nothing of this file was imported`,
      why: { code: 'tagColumnRefused', lines: bad.length },
    },
  ];
}
