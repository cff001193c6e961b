import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyTagSetChanges, planTypeChanges } from './tagSetEditor';
import { loadTagSet } from './tagSetLoader';

function annotationFile(text: string, annotations: { id: string; type: string; start: number; end: number }[], extra: Record<string, unknown> = {}) {
  const codePoints = Array.from(text);
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'x.txt', sha256: createHash('sha256').update(text).digest('hex'), encoding: 'utf-8', length: codePoints.length },
    status: 'in-progress',
    annotations: annotations.map((annotation) => ({ ...annotation, text: codePoints.slice(annotation.start, annotation.end).join('') })),
    // A relation only between annotations the file has (a dangling one makes the file read-only).
    relations: annotations.some((annotation) => annotation.id === 'a2') ? [{ id: 'r1', type: 'works-for', from: 'a1', to: 'a2' }] : [],
    labels: [],
    ...extra,
  });
}

async function corpus() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-tagset-'));
  const text = 'علی در سازمان ملل کار می‌کند.';
  await fs.writeFile(path.join(root, 'one.txt'), text);
  await fs.writeFile(path.join(root, 'one.ann.json'), annotationFile(text, [{ id: 'a1', type: 'PER', start: 0, end: 3 }, { id: 'a2', type: 'ORG', start: 7, end: 17 }], { custom: 'kept' }));
  await fs.writeFile(path.join(root, 'two.txt'), text);
  await fs.writeFile(path.join(root, 'two.ann.json'), annotationFile(text, [{ id: 'a1', type: 'GPE', start: 7, end: 17 }]));
  await fs.writeFile(path.join(root, 'broken.txt'), text);
  await fs.writeFile(path.join(root, 'broken.ann.json'), '{ nope');
  return root;
}

const types = [{ id: 'PERSON', label: { fa: 'شخص', en: 'Person' } }, { id: 'ORG' }, { id: 'LOC', hotkey: 'Digit9' }];

describe('tag set editing', () => {
  it('previews renames, merges and removals without writing', async () => {
    const root = await corpus();
    const before = await fs.readFile(path.join(root, 'one.ann.json'), 'utf8');
    const plan = await planTypeChanges(root, { renames: [{ from: 'PER', to: 'PERSON' }, { from: 'GPE', to: 'ORG' }], removals: ['ORG'] });
    expect(plan.articles).toEqual([
      { id: 'one.txt', renamed: 1, removed: 1 },
      { id: 'two.txt', renamed: 1, removed: 0 },
    ]);
    expect(plan.skipped.map((entry) => entry.id)).toEqual(['broken.txt']);
    expect(await fs.readFile(path.join(root, 'one.ann.json'), 'utf8')).toBe(before);
  });

  it('rewrites the files with backups, drops relations of removed annotations, keeps unknown fields and broken files', async () => {
    const root = await corpus();
    const before = await fs.readFile(path.join(root, 'one.ann.json'), 'utf8');
    await applyTagSetChanges(root, types, { renames: [{ from: 'PER', to: 'PERSON' }, { from: 'GPE', to: 'ORG' }], removals: ['ORG'] });
    const one = JSON.parse(await fs.readFile(path.join(root, 'one.ann.json'), 'utf8'));
    expect(one.annotations.map((annotation: { type: string }) => annotation.type)).toEqual(['PERSON']);
    expect(one.relations).toEqual([]);
    expect(one.custom).toBe('kept');
    expect(await fs.readFile(path.join(root, 'one.ann.json.bak'), 'utf8')).toBe(before);
    const two = JSON.parse(await fs.readFile(path.join(root, 'two.ann.json'), 'utf8'));
    expect(two.annotations[0].type).toBe('ORG');
    expect(await fs.readFile(path.join(root, 'broken.ann.json'), 'utf8')).toBe('{ nope');
    const tagSet = await loadTagSet(root);
    expect(tagSet.types.map((type) => [type.id, type.hotkey])).toEqual([
      ['PERSON', 'Digit1'],
      ['ORG', 'Digit2'],
      ['LOC', 'Digit9'],
    ]);
  });

  it('refuses duplicate ids and shared hotkeys, writing nothing', async () => {
    const root = await corpus();
    await expect(applyTagSetChanges(root, [{ id: 'A' }, { id: 'A' }], { renames: [], removals: [] })).rejects.toThrow(/twice/);
    await expect(applyTagSetChanges(root, [{ id: 'A', hotkey: 'Digit1' }, { id: 'B', hotkey: 'Digit1' }], { renames: [], removals: [] })).rejects.toThrow(/hotkey/);
    await expect(fs.access(path.join(root, 'hashiye.json'))).rejects.toThrow();
  });

  it('(#20) saves relation and event types beside the types and reads them back the same; an empty list drops the field; other fields kept', async () => {
    const root = await corpus();
    await fs.writeFile(path.join(root, 'hashiye.json'), JSON.stringify({ version: 1, types, dimensions: [{ id: 'tone', kind: 'single', values: [{ id: 'neutral' }] }], relations: [{ id: 'old' }] }));
    const relations = [{ id: 'works-for', label: { fa: 'کارمند', en: 'Works for' }, color: '#5b6b7f', args: [{ role: 'Employee', types: ['PERSON'] }, { role: 'Employer', types: ['ORG'] }] as [{ role: string; types: string[] }, { role: string; types: string[] }] }];
    const events = [{ id: 'Meet', label: { fa: 'دیدار', en: 'Meet' }, color: '#c0392b', roles: [{ role: 'Who', types: ['PERSON'], cardinality: { min: 1, max: null } }, { role: 'Where', types: ['LOC'], cardinality: { min: 0, max: 1 } }] }];
    await applyTagSetChanges(root, types, { renames: [], removals: [] }, undefined, { relations, events });
    const onDisk = JSON.parse(await fs.readFile(path.join(root, 'hashiye.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk.relations).toEqual(relations);
    expect(onDisk.events).toEqual(events);
    expect(onDisk.dimensions).toEqual([{ id: 'tone', kind: 'single', values: [{ id: 'neutral' }] }]);
    const loaded = await loadTagSet(root);
    expect(loaded.relationTypes?.map((type) => [type.id, type.args])).toEqual([['works-for', relations[0].args]]);
    expect(loaded.eventTypes?.[0].roles).toEqual([{ role: 'Who', types: ['PERSON'], min: 1, max: null }, { role: 'Where', types: ['LOC'], min: 0, max: 1 }]);

    await applyTagSetChanges(root, types, { renames: [], removals: [] }, undefined, { relations: [], events });
    expect(Object.keys(JSON.parse(await fs.readFile(path.join(root, 'hashiye.json'), 'utf8')) as object)).toEqual(['version', 'types', 'dimensions', 'events']);
  });

  it('(#20) refuses relation types that clash with an entity type or allow a type the set lacks, writing nothing', async () => {
    const root = await corpus();
    const clash = [{ id: 'ORG', args: [{ role: 'A', types: ['PERSON'] }, { role: 'B', types: ['ORG'] }] as [{ role: string; types: string[] }, { role: string; types: string[] }] }];
    await expect(applyTagSetChanges(root, types, { renames: [], removals: [] }, undefined, { relations: clash })).rejects.toThrow(/both an entity type/);
    const unknown = [{ id: 'in', args: [{ role: 'A', types: ['PER'] }, { role: 'B', types: ['LOC'] }] as [{ role: string; types: string[] }, { role: string; types: string[] }] }];
    await expect(applyTagSetChanges(root, types, { renames: [], removals: [] }, undefined, { relations: unknown })).rejects.toThrow(/PER, which is not in the tag set/);
    await expect(fs.access(path.join(root, 'hashiye.json'))).rejects.toThrow();
  });

  it('(#20) a relation type renamed follows in the files; relations of a removed relation type go', async () => {
    const root = await corpus();
    const plan = await planTypeChanges(root, { renames: [{ from: 'works-for', to: 'employed-by' }], removals: [] });
    expect(plan.articles).toEqual([{ id: 'one.txt', renamed: 1, removed: 0 }]);
    await applyTagSetChanges(root, types, { renames: [{ from: 'works-for', to: 'employed-by' }], removals: [] });
    const renamed = JSON.parse(await fs.readFile(path.join(root, 'one.ann.json'), 'utf8')) as { relations: { type: string }[]; annotations: unknown[] };
    expect(renamed.relations.map((relation) => relation.type)).toEqual(['employed-by']);
    await applyTagSetChanges(root, types, { renames: [], removals: ['employed-by'] });
    const removed = JSON.parse(await fs.readFile(path.join(root, 'one.ann.json'), 'utf8')) as { relations: unknown[]; annotations: unknown[] };
    expect(removed.relations).toEqual([]);
    expect(removed.annotations).toHaveLength(2);
  });

  it('(#20) an event role renamed follows on the saved triggers of that type (renamed in the same edit too), and nowhere else', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-tagset-roles-'));
    const text = 'علی با مریم در تهران دیدار کرد.';
    const trigger = (id: string, type: string) => ({ id, type, start: 21, end: 26, roles: [{ role: 'Who', target: 'a1' }, { role: 'Who', target: 'a2' }, { role: 'Where', target: 'a3' }] });
    await fs.writeFile(path.join(root, 'one.txt'), text);
    await fs.writeFile(
      path.join(root, 'one.ann.json'),
      annotationFile(text, [{ id: 'a1', type: 'PER', start: 0, end: 3 }, { id: 'a2', type: 'PER', start: 7, end: 11 }, { id: 'a3', type: 'LOC', start: 15, end: 20 }, trigger('e1', 'Meet'), trigger('e2', 'Call')]),
    );
    const changes = { renames: [{ from: 'Meet', to: 'Meeting' }], removals: [], roleRenames: [{ type: 'Meeting', from: 'Who', to: 'Participant' }, { type: 'Meeting', from: 'Where', to: 'Place' }] };
    expect((await planTypeChanges(root, { renames: [], removals: [], roleRenames: [{ type: 'Meet', from: 'Who', to: 'Participant' }] })).articles).toEqual([{ id: 'one.txt', renamed: 1, removed: 0 }]);
    expect((await planTypeChanges(root, { renames: [], removals: [], roleRenames: [{ type: 'Meet', from: 'Nobody', to: 'Participant' }] })).articles).toEqual([]);
    await applyTagSetChanges(root, types, changes);
    const saved = JSON.parse(await fs.readFile(path.join(root, 'one.ann.json'), 'utf8')) as { annotations: { id: string; type: string; roles?: { role: string; target: string }[] }[] };
    const roles = (id: string) => saved.annotations.find((annotation) => annotation.id === id)?.roles?.map((argument) => `${argument.role}:${argument.target}`);
    expect(saved.annotations.find((annotation) => annotation.id === 'e1')?.type).toBe('Meeting');
    expect(roles('e1')).toEqual(['Participant:a1', 'Participant:a2', 'Place:a3']);
    // Another event type with roles of the same names keeps them.
    expect(roles('e2')).toEqual(['Who:a1', 'Who:a2', 'Where:a3']);
    await fs.access(path.join(root, 'one.ann.json.bak'));
  });
});
