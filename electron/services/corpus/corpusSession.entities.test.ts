import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { problemOfError } from '../problems/userProblems';
import { CorpusSession } from './corpusSession';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('entity links in a brat corpus (#24)', () => {
  it('L (the registry, a link) says why linking is not available in brat mode, not that the tag set is read-only', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-brat-entities-'));
    cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
    await fs.writeFile(path.join(root, 'a.txt'), 'ظریف');
    await fs.writeFile(path.join(root, 'a.ann'), 'T1\tPER 0 4\tظریف\n');
    const session = new CorpusSession({ watch: false });
    cleanups.unshift(() => session.close());
    await session.open(root);
    let problem: unknown = null;
    try {
      session.entityFileAccess();
    } catch (error) {
      problem = problemOfError(error);
    }
    expect(problem).toEqual({ code: 'entityLinkBratMode' });
  });
});
