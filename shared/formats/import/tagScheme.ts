import { removeBidiMarks } from './sourceLines';

/**
 * Entity tags of tokenized formats. Accepted spellings: `O`; a prefix and a type joined by `-`
 * or `_` (`B-PER`, `B_PER`, `I-Other_PER`, `B-Population-Center`); the same with the prefix
 * last (`PER-B`); BILOU's `L`/`U` read as BIOES's `E`/`S`; a bare type (`PER`, the IO scheme)
 * read as `I`. Prefixes are upper case; types keep their spelling.
 */
export type TagPrefix = 'B' | 'I' | 'E' | 'S';
export type ParsedTag = { outside: true } | { outside: false; prefix: TagPrefix; type: string; bare: boolean };

export const TAG_SCHEMES = ['iob1', 'iob2', 'bioes', 'io'] as const;
export type TagScheme = (typeof TAG_SCHEMES)[number];

const PREFIX_FIRST = /^([BIESLU])[-_](\S+)$/;
const PREFIX_LAST = /^(\S+?)[-_]([BIESLU])$/;
const BARE_TYPE = /^[\p{L}\p{N}](?:[\p{L}\p{N}_.:-]*[\p{L}\p{N}])?$/u;

function toPrefix(letter: string): TagPrefix {
  if (letter === 'L') return 'E';
  if (letter === 'U') return 'S';
  return letter as TagPrefix;
}

/** Reads one tag; null when it is not a tag in any accepted spelling. */
export function parseTag(raw: string): ParsedTag | null {
  const tag = removeBidiMarks(raw).trim();
  if (tag === 'O') return { outside: true };
  const prefixFirst = PREFIX_FIRST.exec(tag);
  if (prefixFirst) return { outside: false, prefix: toPrefix(prefixFirst[1]), type: prefixFirst[2], bare: false };
  const prefixLast = PREFIX_LAST.exec(tag);
  if (prefixLast) return { outside: false, prefix: toPrefix(prefixLast[2]), type: prefixLast[1], bare: false };
  if (BARE_TYPE.test(tag)) return { outside: false, prefix: 'I', type: tag, bare: true };
  return null;
}

/**
 * Guesses the scheme of a file from all its sentences. E or S anywhere means BIOES; a bare type
 * means IO; an `I-` that opens an entity while no `B-` ever does means IOB1; otherwise IOB2
 * (whose lenient reading also accepts the odd `I-` without `B-`).
 */
export function detectTagScheme(sentences: ReadonlyArray<ReadonlyArray<ParsedTag>>): TagScheme {
  let openingB = 0;
  let openingI = 0;
  let bare = false;
  for (const tags of sentences) {
    let previousType: string | null = null;
    for (const tag of tags) {
      if (tag.outside) {
        previousType = null;
        continue;
      }
      if (tag.prefix === 'E' || tag.prefix === 'S') return 'bioes';
      if (tag.bare) bare = true;
      const continues = previousType === tag.type;
      if (tag.prefix === 'B' && !continues) openingB++;
      if (tag.prefix === 'I' && !continues) openingI++;
      previousType = tag.type;
    }
  }
  if (bare) return 'io';
  return openingB === 0 && openingI > 0 ? 'iob1' : 'iob2';
}

/** An entity over tokens [from, to) of one sentence. */
export interface TokenEntity {
  type: string;
  from: number;
  to: number;
}

export interface DecodedSentence {
  entities: TokenEntity[];
  /** Token indexes where a tag opened an entity that the scheme says it cannot open (`I-` without `B-`). */
  repairedAt: number[];
}

/**
 * Turns one sentence's tags into entities. IOB1, IOB2 and IO read alike (`B-` always opens,
 * `I-` continues an entity of its type or opens one); BIOES also closes on `E-` and `S-`.
 * Nothing is dropped: a tag that breaks its scheme still makes an entity, and is listed.
 */
export function decodeSentenceTags(tags: ReadonlyArray<ParsedTag>, scheme: TagScheme): DecodedSentence {
  const entities: TokenEntity[] = [];
  const repairedAt: number[] = [];
  let open: TokenEntity | null = null;
  const close = (): void => {
    if (open) entities.push(open);
    open = null;
  };
  tags.forEach((tag, index) => {
    if (tag.outside) {
      close();
      return;
    }
    const current: TokenEntity | null = open;
    const continues = current !== null && current.type === tag.type;
    if (tag.prefix === 'B' || tag.prefix === 'S' || !continues) {
      const opensLegally = tag.prefix === 'B' || tag.prefix === 'S' || scheme === 'iob1' || scheme === 'io';
      if (!opensLegally) repairedAt.push(index);
      close();
      open = { type: tag.type, from: index, to: index + 1 };
    } else if (current) {
      current.to = index + 1;
    }
    if (scheme === 'bioes' && (tag.prefix === 'E' || tag.prefix === 'S')) close();
  });
  close();
  return { entities, repairedAt };
}

/** Tags of a sentence of `length` tokens in IOB2 (`B-TYPE`, `I-TYPE`, `O`), the comparison form. */
export function encodeIob2(entities: ReadonlyArray<TokenEntity>, length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const entity of entities) {
    for (let index = entity.from; index < entity.to; index++) {
      tags[index] = `${index === entity.from ? 'B' : 'I'}-${entity.type}`;
    }
  }
  return tags;
}
