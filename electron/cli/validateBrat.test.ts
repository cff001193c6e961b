import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHashiye as hashiye } from './testing/cliTestRun';
import type { ValidationResult } from './validateCorpus';
import { findBratOrphans } from '../services/brat/bratCorpusCheck';

/** A brat corpus with orphans, broken lines, dangling references, bad offsets and conf violations. */
const CONF = `[entities]
Person
Organization
!Place
\tCity

[relations]
Works_for\tArg1:Person, Arg2:Organization

[events]
Meeting\tParticipant:Person

[attributes]
Negated\tArg:<ENTITY>
`;

// Text: «Ali works for Iran Air in Tehran.» (discontinuous T4: «Ali» + «Tehran»).
const GOOD_TEXT = 'Ali works for Iran Air in Tehran.\r\nSecond line.\n';
const BAD_ANN = [
  'T1\tPerson 0 3\tAli', // 1 fine
  'T2\tOrganization 14 22\tIran Air', // 2 fine
  'T3\tCity 26 32\tTehran', // 3 fine
  'T4\tPerson 0 3;26 32\tAli Tehran', // 4 fine (discontinuous)
  'T5\tPerson 0 3;26 33\tAli Tehran', // 5 fragment text differs
  'T6\tPerson 40 90\tfar', // 6 past the end
  'R1\tWorks_for Arg1:T1 Arg2:T2', // 7 fine
  'R2\tWorks_for Arg1:T1 Arg2:T99', // 8 dangling
  'R3\tWorks_for Arg1:T2 Arg2:T1', // 9 argument types the conf does not allow
  'E1\tMeeting:T1 Participant:T77', // 10 dangling event argument
  'A1\tNegated T42', // 11 dangling attribute target
  'N1\tReference T1 Wikipedia:1\tAli', // 12 fine
  '*\tEquiv T1 T404', // 13 dangling member
  '#1\tAnnotatorNotes T88\tnote', // 14 dangling note target
  'T1\tPerson 0 3\tAli', // 15 id twice
  'this is not brat', // 16 syntax
  'T7\tPerson three 5\tx', // 17 malformed offsets
  'T8\tVehicle 0 3\tAli', // 18 type not in the conf
  'R4\tLoves Arg1:T1 Arg2:T3', // 19 relation type not in the conf
  'A2\tColour T1 Red', // 20 attribute not in the conf
  '',
].join('\n');

let corpus: string;


beforeEach(async () => {
  corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-brat-validate-'));
  await fs.writeFile(path.join(corpus, 'annotation.conf'), CONF);
  await fs.writeFile(path.join(corpus, 'doc.txt'), GOOD_TEXT);
  await fs.writeFile(path.join(corpus, 'doc.ann'), BAD_ANN);
  await fs.mkdir(path.join(corpus, 'sub'));
  await fs.writeFile(path.join(corpus, 'sub', 'lost.ann'), 'T1\tPerson 0 3\tAli\n');
  await fs.writeFile(path.join(corpus, 'sub', 'lone.ann'), 'T1\tPerson 0 3\tAli\nR1\tWorks_for Arg1:T1 Arg2:T2\n');
  await fs.writeFile(path.join(corpus, 'plain.txt'), 'No annotations here.\n');
});

afterEach(async () => {
  await fs.rm(corpus, { recursive: true, force: true });
});

describe('hashiye validate on a brat corpus', () => {
  it('reports every .ann problem with file:line, and the orphans', async () => {
    const run = await hashiye('validate', corpus, '--json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as ValidationResult;
    expect(result.bratFiles).toBe(3);
    const byLine = result.problems.filter((problem) => problem.file === 'doc.ann').map((problem) => [problem.line, problem.kind]);
    expect(byLine).toEqual([
      [5, 'text'],
      [6, 'offsets'],
      [8, 'reference'],
      [9, 'conf'],
      [9, 'conf'],
      [10, 'reference'],
      [11, 'reference'],
      [13, 'reference'],
      [14, 'reference'],
      [15, 'duplicate-id'],
      [16, 'syntax'],
      [17, 'syntax'],
      [18, 'conf'],
      [19, 'conf'],
      [20, 'conf'],
    ]);
    expect(result.problems.filter((problem) => problem.kind === 'orphan-file').map((problem) => problem.file)).toEqual(['sub/lone.ann', 'sub/lost.ann']);
    // An orphan .ann is still checked: its dangling reference is found without its text.
    expect(result.problems.find((problem) => problem.file === 'sub/lone.ann' && problem.kind === 'reference')).toMatchObject({ line: 2 });
    expect(result.warnings.map((warning) => [warning.file, warning.kind])).toEqual([['plain.txt', 'orphan-file']]);
  });

  it('prints file:line in its text output', async () => {
    const run = await hashiye('validate', corpus);
    expect(run.stdout).toContain('doc.ann:8: «R2\tWorks_for Arg1:T1 Arg2:T99» points to T99');
    expect(run.stdout).toContain('doc.ann:9: R3 (Works_for): Arg1 is T2 of type Organization, but annotation.conf allows Person.');
    expect(run.stdout).toContain('doc.ann:9: R3 (Works_for): Arg2 is T1 of type Person, but annotation.conf allows Organization.');
    expect(run.stdout).toContain('doc.ann:5: T5 (Person) says «Ali Tehran» but the text has «Ali Tehran.» there.');
    expect(run.stdout).toMatch(/Not valid: .* 3 brat \.ann file\(s\)/);
  });

  it('stats and export report the same orphans', async () => {
    const stats = await hashiye('stats', corpus);
    const exported = await hashiye('export', corpus, '--format', 'csv', '--out', path.join(corpus, '..', `${path.basename(corpus)}-out`), '--allow-lossy');
    await fs.rm(path.join(corpus, '..', `${path.basename(corpus)}-out`), { recursive: true, force: true });
    for (const output of [stats.stdout, exported.stdout]) {
      expect(output).toContain('brat .ann files without their .txt (not read) (2):\n  sub/lone.ann\n  sub/lost.ann\n');
      expect(output).toContain('Articles without an .ann in this brat corpus (1):\n  plain.txt\n');
    }
    const json = JSON.parse((await hashiye('stats', corpus, '--json')).stdout) as { bratOrphans: { annWithoutText: string[] } };
    expect(json.bratOrphans.annWithoutText).toEqual(['sub/lone.ann', 'sub/lost.ann']);
    // (#25) The export's orphans take its own walk of the corpus (findBratOrphans's `walked`): the same answer as a walk of their own.
    const out = path.join(corpus, '..', `${path.basename(corpus)}-json-out`);
    const answer = JSON.parse((await hashiye('export', corpus, '--format', 'conll', '--out', out, '--allow-lossy', '--json')).stdout) as { bratOrphans: unknown };
    await fs.rm(out, { recursive: true, force: true });
    expect(answer.bratOrphans).toEqual(await findBratOrphans(corpus));
    expect(answer.bratOrphans).toMatchObject({ brat: true, textWithoutAnn: ['plain.txt'] });
  });
});
