import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TagSetWireSchema } from '../../../shared/corpusWire';
import { loadBratTagSet } from './bratStore';

const scratchFolders: string[] = [];
afterAll(async () => {
  await Promise.all(scratchFolders.map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

const CONF = '[entities]\nDRUG\nDISORDER\n[relations]\nTreats\tArg1:DRUG, Arg2:DRUG|DISORDER\n[events]\nDosing\tTheme+:DRUG, Target?:DISORDER\n[attributes]\nNegated\tArg:<EVENT>\n';

describe('a brat folder\'s tag set with relation and event types', () => {
  it('takes them from the nearest annotation.conf up the folders, never from above the corpus', async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-bratconf-'));
    scratchFolders.push(scratch);
    const corpus = path.join(scratch, 'corpus');
    const deep = path.join(corpus, 'a', 'b');
    await fs.mkdir(deep, { recursive: true });
    await fs.writeFile(path.join(corpus, 'annotation.conf'), CONF);
    await fs.writeFile(path.join(deep, 'x.txt'), 'aspirin');

    const tagSet = await loadBratTagSet(corpus, deep);
    expect(tagSet.problem).toBeNull();
    // Event types are not span tags: they come apart.
    expect(tagSet.types.map((type) => type.id)).toEqual(['DRUG', 'DISORDER']);
    expect(tagSet.eventTypes?.map((type) => [type.id, type.roles.map((role) => `${role.role}:${role.types.join('|')}:${role.min}-${role.max ?? 'n'}`)])).toEqual([
      ['Dosing', ['Theme:DRUG:1-n', 'Target:DISORDER:0-1']],
    ]);
    expect(tagSet.eventTypes?.[0].attributes.map((attribute) => attribute.id)).toEqual(['Negated']);
    expect(tagSet.relationTypes?.map((type) => [type.id, type.args])).toEqual([
      ['Treats', [{ role: 'Arg1', types: ['DRUG'] }, { role: 'Arg2', types: ['DRUG', 'DISORDER'] }]],
    ]);
    // What the window receives: the IPC contract's tag set, relation and event types included.
    expect(TagSetWireSchema.parse(tagSet).eventTypes?.map((type) => type.id)).toEqual(['Dosing']);

    // Opened as a corpus of its own, `a` does not see the configuration above it.
    const inner = await loadBratTagSet(path.join(corpus, 'a'), deep);
    expect(inner.userProblems).toEqual([{ code: 'tagSetMissing', file: 'annotation.conf' }]);
    expect(inner.relationTypes ?? []).toEqual([]);
  });
});
