import { describe, expect, it } from 'vitest';
import { serializeBrat } from '../formats/brat';
import { serializeJsonl } from '../formats/jsonl';

describe('entity links in the brat export (#24)', () => {
  it('writes an N line, Hashiye:ENTITY_ID, for each linked annotation', () => {
    const text = 'محمدجواد ظریف به تهران رفت.\n';
    const annotations = [
      { id: 'a1', type: 'PER', start: 0, end: 13, text: 'محمدجواد ظریف', entity: 'zarif' },
      { id: 'a2', type: 'LOC', start: 17, end: 22, text: 'تهران' },
    ];
    const { files } = serializeBrat([{ id: 'doc.txt', text, annotations, relations: [] }]);
    const ann = files.find((file) => file.path.endsWith('doc.ann'));
    expect(ann?.content).toBe('T1\tPER 0 13\tمحمدجواد ظریف\nT2\tLOC 17 22\tتهران\nN1\tReference T1 Hashiye:zarif\tمحمدجواد ظریف\n');
  });
});

describe('entity links in the JSONL export (#24)', () => {
  const text = 'ظریف و تهران\n';
  const annotations = [
    { id: 'a1', type: 'PER', start: 0, end: 4, text: 'ظریف', entity: 'zarif' },
    { id: 'a2', type: 'LOC', start: 7, end: 12, text: 'تهران' },
  ];
  it('label variant: entity_links beside label', () => {
    const line = JSON.parse(serializeJsonl([{ id: 'doc.txt', text, annotations, relations: [] }]).files[0].content) as Record<string, unknown>;
    expect(line.entity_links).toEqual([[0, 4, 'zarif', null]]);
  });
  it('entities variant: entity on the linked item only', () => {
    const line = JSON.parse(serializeJsonl([{ id: 'doc.txt', text, annotations, relations: [] }], { jsonlVariant: 'entities' }).files[0].content) as { entities: Record<string, unknown>[] };
    expect(line.entities.map((entity) => entity.entity)).toEqual(['zarif', undefined]);
  });
});
