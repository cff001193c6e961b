import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problemOfError } from '../problems/userProblems';
import { previewPretag, readGazetteerInCorpus, sourceSpecOf } from './pretagWindow';

let parent: string;
let root: string;
beforeEach(async () => {
  parent = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-pretag-sources-')));
  root = path.join(parent, 'corpus');
  await fs.mkdir(root);
  await fs.writeFile(path.join(root, 'a.txt'), 'ظریف در تهران');
});
afterEach(() => fs.rm(parent, { recursive: true, force: true }));

const never = (): boolean => false;

function problemOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => problemOfError(error),
  );
}

describe('the gazetteer sources of the pre-annotate dialog (#24)', () => {
  it('the entity registry: every name and alias, of its entity type, in the preview and the run source', async () => {
    expect(await problemOf(sourceSpecOf(root, { kind: 'registry' }, never))).toEqual({ code: 'gazetteerRegistryEmpty' });
    await fs.writeFile(path.join(root, 'entities.json'), JSON.stringify({
      version: 1,
      entities: [
        { id: 'zarif', type: 'PER', names: { fa: 'محمدجواد ظریف', latin: 'Zarif' }, aliases: ['ظریف'] },
        { id: 'tehran', type: 'LOC', names: { fa: 'تهران' }, aliases: [] },
      ],
    }));
    expect(await sourceSpecOf(root, { kind: 'registry' }, never)).toEqual({
      kind: 'gazetteer',
      entries: [
        { phrase: 'محمدجواد ظریف', type: 'PER' },
        { phrase: 'Zarif', type: 'PER' },
        { phrase: 'ظریف', type: 'PER' },
        { phrase: 'تهران', type: 'LOC' },
      ],
    });
    expect(await previewPretag(root, { kind: 'registry' }, undefined, never)).toEqual({ kind: 'gazetteer', file: 'entities.json', articles: 1, phrases: 4, types: ['LOC', 'PER'], skippedLines: [] });
  });

  it('a broken registry says so (entitiesBroken), not that it is empty', async () => {
    await fs.writeFile(path.join(root, 'entities.json'), '{ broken');
    expect(await problemOf(sourceSpecOf(root, { kind: 'registry' }, never))).toMatchObject({ code: 'entitiesBroken' });
  });

  it('a gazetteer outside the corpus is refused as such, by path or through a link, and nothing is read', async () => {
    await fs.writeFile(path.join(parent, 'names.tsv'), 'تهران\tLOC\n');
    for (const file of ['../names.tsv', path.join(parent, 'names.tsv')]) {
      expect(await problemOf(readGazetteerInCorpus(root, file))).toEqual({ code: 'gazetteerOutsideCorpus', file });
    }
    await fs.symlink(path.join(parent, 'names.tsv'), path.join(root, 'linked.tsv'));
    expect(await problemOf(readGazetteerInCorpus(root, 'linked.tsv'))).toEqual({ code: 'gazetteerOutsideCorpus', file: 'linked.tsv' });
  });

  it('a gazetteer that is not UTF-8 says so; an empty one says it is empty', async () => {
    await fs.writeFile(path.join(root, 'latin1.tsv'), Buffer.from([0x54, 0x65, 0x68, 0x72, 0xe1, 0x6e, 0x09, 0x4c, 0x4f, 0x43, 0x0a]));
    expect(await problemOf(readGazetteerInCorpus(root, 'latin1.tsv'))).toEqual({ code: 'gazetteerNotUtf8', file: 'latin1.tsv' });
    await fs.writeFile(path.join(root, 'empty.tsv'), '# nothing\n');
    expect(await problemOf(readGazetteerInCorpus(root, 'empty.tsv'))).toEqual({ code: 'gazetteerEmpty', file: 'empty.tsv' });
  });
});
