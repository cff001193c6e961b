import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WikidataIdSchema } from './registry';
import { isWikidataId } from './wikidataId';

describe('isWikidataId (#25: the entity editor checks what is typed without zod)', () => {
  it('accepts Q and a number without leading zeros, as the registry does', () => {
    for (const text of ['Q1', 'Q42', 'Q1234567', 'Q0', 'Q01', 'q42', 'Q', '42', 'Q42 ', 'P31']) {
      expect(isWikidataId(text)).toBe(WikidataIdSchema.safeParse(text).success);
    }
    fc.assert(fc.property(fc.string(), (text) => isWikidataId(text) === WikidataIdSchema.safeParse(text).success));
    fc.assert(fc.property(fc.nat(), (number) => isWikidataId(`Q${number}`) === number > 0));
  });
});
