import { describe, expect, it } from 'vitest';
import { serializeBrat } from '../formats/brat';

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
