import { describe, expect, it } from 'vitest';
import { checkDocument } from './checkedSpans';
import { serializeJsonl } from './jsonl';
import { fixtureDocument, randomDocument } from './testArticles';

interface LabelLine {
  id: string;
  text: string;
  label: [number, number, string][];
}

interface EntitiesLine {
  id: string;
  text: string;
  entities: { id: number; label: string; start_offset: number; end_offset: number }[];
  relations: { id: number; from_id: number; to_id: number; type: string }[];
}

function lines<T>(content: string): T[] {
  return content.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as T);
}

describe('doccano JSONL export', () => {
  it('writes [start, end, type] in UTF-16 units, so an emoji before a span counts two', () => {
    const document = fixtureDocument('a.txt');
    const [line] = lines<LabelLine>(serializeJsonl([document]).files[0].content);
    expect(line.id).toBe('a.txt');
    expect(line.text).toBe(document.text);
    // «سرلشکر باقری» starts at code point 2, UTF-16 unit 3 (😀 is two units).
    expect(line.label[0]).toEqual([3, 15, 'PER']);
    for (const [start, end] of line.label) expect(end).toBeGreaterThanOrEqual(start);
    expect(line.label.map(([start, end, type]) => `${type}:${line.text.slice(start, end)}`)).toContain('LOC:کشورهای\u00A0جهان');
  });

  it('writes the entities/relations variant with relations between entity ids', () => {
    const [line] = lines<EntitiesLine>(serializeJsonl([fixtureDocument()], { jsonlVariant: 'entities' }).files[0].content);
    const member = line.relations.find((relation) => relation.type === 'Member_of');
    const byId = new Map(line.entities.map((entity) => [entity.id, entity]));
    expect(line.text.slice(byId.get(member?.from_id ?? -1)?.start_offset, byId.get(member?.from_id ?? -1)?.end_offset)).toBe('سرلشکر باقری');
    expect(line.text.slice(byId.get(member?.to_id ?? -1)?.start_offset, byId.get(member?.to_id ?? -1)?.end_offset)).toBe('ستاد کل نیروهای مسلح');
    expect(line.relations).toHaveLength(1);
  });

  it('round-trips random Persian articles with overlapping spans, both variants (property test)', () => {
    for (let seed = 3000; seed < 3300; seed++) {
      const document = randomDocument(seed);
      const spans = checkDocument(document).spans.map((span) => `${span.annotation.type}:${span.annotation.text}:${span.pieces[0].start16}`);
      const [label] = lines<LabelLine>(serializeJsonl([document]).files[0].content);
      expect(label.label.map(([start, end, type]) => `${type}:${label.text.slice(start, end)}:${start}`), `seed ${seed}`).toEqual(spans);
      const [entities] = lines<EntitiesLine>(serializeJsonl([document], { jsonlVariant: 'entities' }).files[0].content);
      expect(entities.entities.map((entity) => `${entity.label}:${entities.text.slice(entity.start_offset, entity.end_offset)}:${entity.start_offset}`)).toEqual(spans);
      expect(entities.relations).toHaveLength(document.relations.length);
    }
  });
});
