import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgreementReportSchema } from '../../shared/agreement/agreementReport';
import { makeAnnotatorCorpus } from '../services/testing/annotatorCorpus';
import { agreeCommand, runAgreeCommand } from './agreeCommand';
import { CLI_EXIT } from './cliIo';

async function runOn(tty: boolean, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAgreeCommand(argv, { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: (chunk: string) => (stderr += chunk), isTTY: tty } });
  return { code, stdout, stderr };
}

function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runOn(false, argv);
}

let root: string;
let clean: string;
beforeAll(async () => {
  root = await makeAnnotatorCorpus();
  // The same corpus without a5's broken file, for runs that should exit 0.
  clean = await makeAnnotatorCorpus();
  await fs.rm(path.join(clean, 'a5.annotators', 'sara.ann.json'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(clean, { recursive: true, force: true });
});

describe('hashiye agree', () => {
  it('is the registry entry "agree"', () => {
    expect(agreeCommand.name).toBe('agree');
    expect(agreeCommand.run).toBe(runAgreeCommand);
  });

  it('--help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(CLI_EXIT.ok);
    expect(result.stdout).toMatch(/^Usage: hashiye agree CORPUS --a X --b Y/);
    expect((await run('-h')).stdout).toBe(result.stdout);
  });

  it('--a ali --b sara prints the figures worked out by hand in agreementService.test.ts', async () => {
    const result = await run(clean, '--a', 'ali', '--b', 'sara');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(CLI_EXIT.ok);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Agreement in hashiye-annotators-\w+: 3 annotators \(ali, reza, sara\); 2 of 5 articles compared\.$/);
    expect(result.stdout).toContain('ali ↔ sara: 2 articles both annotated');
    // κ = 39/67 = 0.58209, p_o = 10/14 = 0.71429, p_e = 62/196 = 0.31633
    expect(result.stdout).toContain("Cohen's kappa over 14 tokens: 0.582  (observed 0.714, chance 0.316)");
    // micro: exact matched 3 of 6 / 5: P 0.600, R 0.500, F1 6/11 = 0.545; overlap matched 4: P 0.800, R 0.667, F1 8/11 = 0.727
    const micro = lines.find((line) => line.trimStart().startsWith('micro'));
    expect(micro?.trim().split(/\s+/)).toEqual(['micro', '6', '5', '3', '0.600', '0.500', '0.545', '4', '0.800', '0.667', '0.727']);
    // ORG: ali 3 (a1), sara 0: precision 0/0 shows as —
    const org = lines.find((line) => line.trimStart().startsWith('ORG'));
    expect(org?.trim().split(/\s+/)).toEqual(['ORG', '2', '0', '0', '—', '0.000', '0.000', '0', '—', '0.000', '0.000']);
    expect(result.stdout).not.toContain('Fleiss');
  });

  it('--all: every pair and Fleiss; a broken file is listed and makes the exit code 1', async () => {
    const result = await run(root, '--all');
    expect(result.code).toBe(CLI_EXIT.problems);
    expect(result.stdout).toContain('ali ↔ reza: 1 article both annotated');
    expect(result.stdout).toContain('reza ↔ sara: 1 article both annotated');
    // Fleiss = 75/119 = 0.63025, P̄ = 50/66 = 0.75758, P̄_e = 375/1089 = 0.34435
    expect(result.stdout).toContain("Fleiss' kappa (ali, reza, sara) over 11 tokens in 1 article(s) all annotated: 0.630  (observed 0.758, chance 0.344)");
    expect(result.stdout).toMatch(/Left out \(1\):\n {2}a5\.txt \[sara\]: Not valid JSON/);
  });

  it('--json prints the report the UI receives', async () => {
    const result = await run(clean, '--json');
    expect(result.code).toBe(CLI_EXIT.ok);
    const report = AgreementReportSchema.parse(JSON.parse(result.stdout));
    expect(report.pairs.map((pair) => [pair.a, pair.b])).toEqual([
      ['ali', 'reza'],
      ['ali', 'sara'],
      ['reza', 'sara'],
    ]);
    expect(report.group?.tokens.kappa).toBeCloseTo(75 / 119, 12);
    expect(report.pairs[1].tokens.kappa).toBeCloseTo(39 / 67, 12);
  });

  it.each([
    [['--a', 'ali'], /--a and --b go together/],
    [['--a', 'ali', '--b', 'sara', '--all'], /either --a and --b, or --all/],
    [['--bogus'], /Unknown option --bogus/],
    [[], /Give the CORPUS folder/],
  ])('wrong arguments %j exit 2', async (extra, message) => {
    const argv = extra.length === 0 ? [] : [root, ...extra];
    const result = await run(...argv);
    expect(result.code).toBe(CLI_EXIT.usage);
    expect(result.stderr).toMatch(message);
  });

  it('an unknown annotator exits 1 naming the annotators there are (and --json says so)', async () => {
    const result = await run(root, '--a', 'ali', '--b', 'مریم', '--json');
    expect(result.code).toBe(CLI_EXIT.problems);
    expect(result.stderr).toMatch(/"مریم".*annotators: ali, reza, sara/);
    expect(JSON.parse(result.stdout)).toEqual({ error: expect.stringMatching(/مریم/) });
  });

  it('a folder that cannot be read exits 3; a corpus without annotator files exits 1', async () => {
    expect((await run(path.join(root, 'missing'))).code).toBe(CLI_EXIT.unreadable);
    const plain = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-plain-'));
    try {
      await fs.writeFile(path.join(plain, 'a.txt'), 'متن');
      const result = await run(plain);
      expect(result.code).toBe(CLI_EXIT.problems);
      expect(result.stdout).toMatch(/0 annotators; 0 of 1 articles compared/);
      expect(result.stderr).toMatch(/fewer than two annotators/);
    } finally {
      await fs.rm(plain, { recursive: true, force: true });
    }
  });

  it('shows progress on stderr only on a terminal, never with --json (#22)', async () => {
    const terminal = await runOn(true, [clean, '--all']);
    expect(terminal.code).toBe(CLI_EXIT.ok);
    expect(terminal.stderr).toMatch(/^hashiye agree: \d+\/\d+ articles \(\d+%\)$/m);
    expect(terminal.stderr).toMatch(/hashiye agree: (\d+)\/\1 articles \(100%\)/);
    expect(terminal.stdout).not.toContain('hashiye agree:');
    expect((await runOn(false, [clean, '--all'])).stderr).toBe('');
    expect((await runOn(true, [clean, '--all', '--json'])).stderr).toBe('');
  });
});
