import { describe, expect, it } from 'vitest';
import { serializeBrat } from '../formats/brat';
import { serializeCsv } from '../formats/csv';
import type { ExportDocument } from '../formats/exportTypes';
import { parseBratDocument } from '../formats/import/brat';
import { serializeJsonl } from '../formats/jsonl';
import { serializeLabelStudio } from '../formats/labelstudio';
import { serializeW3c } from '../formats/w3c';
import { exportEntitiesOf, parseBratReference } from './entityExportLinks';
import { resolveImportedLink } from './entityImportLinks';
import { emptyRegistry, type EntityRegistry } from './registry';

const registry: EntityRegistry = {
  version: 1,
  entities: [
    { id: 'zarif', type: 'PER', names: { fa: 'محمدجواد ظریف', latin: 'Mohammad Javad Zarif' }, aliases: ['ظریف'], wikidata: 'Q347587' },
    { id: 'tehran-local', type: 'LOC', names: { fa: 'تهران' }, aliases: [] },
  ],
};
const entities = exportEntitiesOf(registry);
const text = 'ظریف به تهران رفت و ظریف گفت.\n';
const document: ExportDocument = {
  id: 'news/a.txt',
  text,
  annotations: [
    { id: 'a1', type: 'PER', start: 0, end: 4, text: 'ظریف', entity: 'zarif' },
    { id: 'a2', type: 'LOC', start: 8, end: 13, text: 'تهران', entity: 'tehran-local' },
    { id: 'a3', type: 'PER', start: 20, end: 24, text: 'ظریف' },
  ],
  relations: [],
};
/** What every format must give back: annotation id → [entity id, QID or null]. */
const expected = { a1: ['zarif', 'Q347587'], a2: ['tehran-local', null] };

describe('entity links in every export, read back (#24)', () => {
  it('W3C: an identifying SpecificResource body naming the Wikidata item, or the corpus-local IRI', () => {
    const collection = JSON.parse(serializeW3c([document], { entities }).files[0].content) as { first: { items: { id: string; body: Record<string, string>[] }[] } };
    const links = Object.fromEntries(collection.first.items.flatMap((item) => {
      const body = item.body.find((part) => part.purpose === 'identifying');
      if (!body) return [];
      expect(body.type).toBe('SpecificResource');
      const qid = body.source.startsWith('http://www.wikidata.org/entity/') ? body.source.slice('http://www.wikidata.org/entity/'.length) : null;
      if (qid === null) expect(body.source).toBe(`urn:hashiye:entity:${body['hashiye:entity']}`);
      return [[item.id.split(':').pop(), [body['hashiye:entity'], qid]]];
    }));
    expect(links).toEqual(expected);
    expect(collection.first.items[0].body.find((part) => part.purpose === 'identifying')?.['hashiye:name']).toBe('محمدجواد ظریف');
  });

  it('CSV: entity, wikidata and entity_name columns, empty for an unlinked annotation', () => {
    const rows = serializeCsv([document], { entities }).files[0].content.split('\r\n').filter((row) => row !== '').map((row) => row.split(','));
    expect(rows[0].slice(7)).toEqual(['entity', 'wikidata', 'entity_name']);
    const links = Object.fromEntries(rows.slice(1).filter((row) => row[7] !== '').map((row) => [row[1], [row[7], row[8] === '' ? null : row[8]]]));
    expect(links).toEqual(expected);
    expect(rows.find((row) => row[1] === 'a1')?.[9]).toBe('محمدجواد ظریف');
    expect(rows.find((row) => row[1] === 'a3')?.slice(7)).toEqual(['', '', '']);
  });

  it('Label Studio: meta.entity, meta.wikidata and meta.entity_name on the region', () => {
    const tasks = JSON.parse(serializeLabelStudio([document], { entities }).files[0].content) as { annotations: { result: { id: string; meta?: Record<string, string> }[] }[] }[];
    const links = Object.fromEntries(tasks[0].annotations[0].result.filter((result) => result.meta?.entity).map((result) => [result.id, [result.meta?.entity, result.meta?.wikidata ?? null]]));
    expect(links).toEqual(expected);
    expect(tasks[0].annotations[0].result[0].meta?.entity_name).toBe('محمدجواد ظریف');
  });

  it('JSONL: the QID beside the entity id in both variants', () => {
    const label = JSON.parse(serializeJsonl([document], { entities }).files[0].content) as { entity_links: [number, number, string, string | null][] };
    expect(label.entity_links).toEqual([[0, 4, 'zarif', 'Q347587'], [8, 13, 'tehran-local', null]]);
    const itemized = JSON.parse(serializeJsonl([document], { entities, jsonlVariant: 'entities' }).files[0].content) as { entities: Record<string, unknown>[] };
    expect(itemized.entities.map((item) => [item.entity ?? null, item.wikidata ?? null])).toEqual([['zarif', 'Q347587'], ['tehran-local', null], [null, null]]);
  });

  it('brat: N lines Wikidata:Q… for an entity with a QID, Hashiye:ID otherwise, imported back as links', () => {
    const ann = serializeBrat([document], { entities }).files.find((file) => file.path === 'news/a.ann')?.content ?? '';
    expect(ann).toContain('N1\tReference T1 Wikidata:Q347587\tظریف\n');
    expect(ann).toContain('N2\tReference T2 Hashiye:tehran-local\tتهران\n');
    const parsed = parseBratDocument({ name: 'news/a', text, ann, annFile: 'news/a.ann' });
    expect(parsed.skipped).toEqual([]);
    const spans = parsed.articles[0].spans;
    expect(spans.map((span) => span.link ?? null)).toEqual([{ db: 'wikidata', qid: 'Q347587' }, { db: 'hashiye', id: 'tehran-local' }, null]);
    // Resolved against the registry the export came from: the same entities.
    let current = registry;
    const ids = spans.map((span) => {
      if (!span.link) return null;
      const resolved = resolveImportedLink(current, span.link, { type: span.type, text: 'ظریف' });
      current = resolved.registry;
      return resolved.entityId;
    });
    expect(ids).toEqual(['zarif', 'tehran-local', null]);
    expect(current).toBe(registry);
  });

  it('a link to an entity missing from the registry is still written, by its id alone', () => {
    const orphan = { ...document, annotations: [{ id: 'a1', type: 'PER', start: 0, end: 4, text: 'ظریف', entity: 'gone' }] };
    expect(serializeBrat([orphan]).files.find((file) => file.path === 'news/a.ann')?.content).toContain('Reference T1 Hashiye:gone\t');
    expect(serializeCsv([orphan]).files[0].content).toContain(',gone,,\r\n');
  });
});

describe('brat references read back (#24)', () => {
  it('knows Wikidata QIDs and Hashiye ids, nothing else', () => {
    expect(parseBratReference('Wikidata:Q42')).toEqual({ db: 'wikidata', qid: 'Q42' });
    expect(parseBratReference('Hashiye:e1_x-2')).toEqual({ db: 'hashiye', id: 'e1_x-2' });
    expect(parseBratReference('Wikidata:42')).toBeNull();
    expect(parseBratReference('Wikipedia:123')).toBeNull();
    expect(parseBratReference('Hashiye:')).toBeNull();
  });

  it('a Wikidata item not in the registry becomes a new entity named after the text; the second mention finds it', () => {
    let next = 0;
    const newId = (): string => `new${++next}`;
    const first = resolveImportedLink(emptyRegistry(), { db: 'wikidata', qid: 'Q42' }, { type: 'PER', text: 'Douglas Adams' }, newId);
    expect(first).toMatchObject({ entityId: 'new1', created: true });
    expect(first.registry.entities).toEqual([{ id: 'new1', type: 'PER', names: { latin: 'Douglas Adams' }, aliases: [], wikidata: 'Q42' }]);
    const second = resolveImportedLink(first.registry, { db: 'wikidata', qid: 'Q42' }, { type: 'PER', text: 'Adams' }, newId);
    expect(second).toMatchObject({ entityId: 'new1', created: false });
    expect(resolveImportedLink(first.registry, { db: 'hashiye', id: 'nobody' }, { type: 'PER', text: 'x' }).entityId).toBeNull();
  });
});
