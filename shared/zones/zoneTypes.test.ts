import { describe, expect, it } from 'vitest';
import type { Zone } from '../documentLabels/judgmentFormat';
import { TagSetFileSchema } from '../model/tagSet';
import { resolveZoneTypes, unknownZoneTypes } from './zoneTypeResolution';
import { ZoneTypeListSchema } from './zoneTypes';

const zone = (type: string, id: string): Zone => ({ id, type, start: 0, end: 1 }) as Zone;

describe('zone types the tag set adds (#21)', () => {
  it('lists the built-in types first, then the added ones with labels in both languages and a colour', () => {
    const types = resolveZoneTypes([{ id: 'quote', label: { fa: 'نقل‌قول', en: 'Quote' }, color: '#123456' }, { id: 'caption', label: { en: 'Caption' } }]);
    expect(types.map((type) => type.id)).toEqual(['headline', 'body', 'boilerplate', 'quote', 'caption']);
    expect(types.slice(0, 3).every((type) => type.builtIn && type.color === null)).toBe(true);
    expect(types[3]).toEqual({ id: 'quote', label: { fa: 'نقل‌قول', en: 'Quote' }, color: '#123456', builtIn: false });
    // No Persian label: the English one stands in; no colour: one from the palette.
    expect(types[4].label).toEqual({ fa: 'Caption', en: 'Caption' });
    expect(types[4].color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('refuses a built-in id, an id twice, an id with spaces and a colour that is not #rrggbb', () => {
    expect(ZoneTypeListSchema.safeParse([{ id: 'boilerplate' }]).success).toBe(false);
    expect(ZoneTypeListSchema.safeParse([{ id: 'quote' }, { id: 'quote' }]).success).toBe(false);
    expect(ZoneTypeListSchema.safeParse([{ id: 'a quote' }]).success).toBe(false);
    expect(ZoneTypeListSchema.safeParse([{ id: 'quote', color: 'red' }]).success).toBe(false);
    expect(ZoneTypeListSchema.safeParse([{ id: 'quote', color: '#aa00ff' }, { id: 'caption' }]).success).toBe(true);
  });

  it('is a field of the tag set file, checked with it', () => {
    const types = [{ id: 'PER' }];
    expect(TagSetFileSchema.safeParse({ types, zoneTypes: [{ id: 'quote', label: { fa: 'نقل‌قول' } }] }).success).toBe(true);
    const refused = TagSetFileSchema.safeParse({ types, zoneTypes: [{ id: 'headline' }] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].path).toEqual(['zoneTypes', 0, 'id']);
  });

  it('reports zone types of a file that the tag set does not know, each once', () => {
    const known = resolveZoneTypes([{ id: 'quote' }]);
    const zones = [zone('headline', 'Z1'), zone('sidebar', 'Z2'), zone('quote', 'Z3'), zone('sidebar', 'Z4'), zone('ad', 'Z5')];
    expect(unknownZoneTypes(zones, known)).toEqual(['sidebar', 'ad']);
    expect(unknownZoneTypes([zone('boilerplate', 'Z1')], [])).toEqual([]);
  });
});
