/**
 * Electron's security checklist, checked by a scanner on every `npm test`: Doyensec's
 * Electronegativity runs on the sources (electron/, renderer/) and on a fresh build of them,
 * and the test fails on any finding that security/accepted-findings.json does not list with a
 * reason, and on any listed finding that no longer occurs (so the list stays true).
 *
 * The scanner is called through its package API rather than its CLI's `-o report.csv`: the CLI
 * writes the CSV header and the rows with two unordered asynchronous writes, so the header can
 * overwrite the first row or truncate every row away (seen here: a report whose first line was
 * cut), and a gate on that file could pass with findings. The API returns the same findings,
 * plus the files it failed to parse, which would otherwise go unscanned in silence.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY } from '../electron/contentSecurityPolicy';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const AcceptedFindingsSchema = z.object({
  electronVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  excludedChecks: z.array(z.object({ check: z.string().min(1), reason: z.string().min(40) }).strict()),
  accepted: z.array(
    z
      .object({
        check: z.string().regex(/^[A-Z_]+_CHECK$/),
        file: z.string().min(1),
        confidence: z.enum(['TENTATIVE', 'FIRM', 'CERTAIN']).optional(),
        sample: z.string().min(1).optional(),
        reason: z.string().min(40),
      })
      .strict(),
  ),
});
type AcceptedFinding = z.infer<typeof AcceptedFindingsSchema>['accepted'][number];

const ScanResultSchema = z.object({
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      location: z.object({ line: z.number(), column: z.number() }).optional(),
      sample: z.string().optional().nullable(),
      severity: z.object({ name: z.string() }),
      confidence: z.object({ name: z.string() }),
      description: z.string(),
    }),
  ),
});
type Finding = z.infer<typeof ScanResultSchema>['issues'][number];

interface ScanOptions {
  input: string;
  isRelative: boolean;
  electronVersionOverride: string;
  customScan: string[];
  excludeFromScan: string[];
  parserPlugins: string[];
}
type Scan = (options: ScanOptions, forCli: boolean) => Promise<unknown>;

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; value: string; description: string }[] };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
}

/** What ships: the non-test sources of main, preload and renderer, and their build. */
function shipsInApp(source: string): boolean {
  const name = path.basename(source);
  return !/\.test\.tsx?$/.test(name) && name !== 'testing' && name !== 'node_modules';
}

let stage: string;
let accepted: z.infer<typeof AcceptedFindingsSchema>;
let scan: z.infer<typeof ScanResultSchema>;

beforeAll(async () => {
  accepted = AcceptedFindingsSchema.parse(JSON.parse(await fs.readFile(path.join(root, 'security', 'accepted-findings.json'), 'utf8')));
  stage = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-electronegativity-'));
  await fs.cp(path.join(root, 'electron'), path.join(stage, 'electron'), { recursive: true, filter: shipsInApp });
  await fs.mkdir(path.join(stage, 'renderer'));
  await fs.cp(path.join(root, 'renderer', 'src'), path.join(stage, 'renderer', 'src'), { recursive: true, filter: shipsInApp });
  await fs.copyFile(path.join(root, 'renderer', 'index.html'), path.join(stage, 'renderer', 'index.html'));
  // A fresh build of the current sources (not whatever out/ holds), into the stage.
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', path.join(stage, 'out'), '--logLevel', 'error'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  const run = require('@doyensec/electronegativity') as Scan;
  const raw = await run(
    {
      input: stage,
      isRelative: true,
      electronVersionOverride: accepted.electronVersion,
      customScan: [],
      excludeFromScan: accepted.excludedChecks.map((entry) => entry.check.toLowerCase()),
      parserPlugins: [],
    },
    false,
  );
  scan = ScanResultSchema.parse(raw);
}, 300_000); // a build and a scan: well under 60 s idle, over it at a load average of 15-20

afterAll(async () => {
  if (stage) await fs.rm(stage, { recursive: true, force: true });
});

function matches(entry: AcceptedFinding, finding: Finding): boolean {
  return (
    entry.check === finding.id &&
    entry.file === finding.file.split(path.sep).join('/') &&
    (entry.confidence === undefined || entry.confidence === finding.confidence.name) &&
    (entry.sample === undefined || (finding.sample ?? '').includes(entry.sample))
  );
}

function describeFinding(finding: Finding): string {
  const where = finding.location ? `${finding.location.line}:${finding.location.column}` : '';
  return `${finding.id} (${finding.severity.name}, ${finding.confidence.name}) in ${finding.file}:${where}: ${finding.description}${finding.sample ? ` — ${finding.sample}` : ''}`;
}

describe('Electronegativity', () => {
  it('scanned the sources and the build, and parsed every file', () => {
    expect(scan.errors.map((error) => `${error.file}: ${error.message}`)).toEqual([]);
  });

  it('finds nothing that is not accepted with a reason', () => {
    const unaccepted = scan.issues.filter((finding) => !accepted.accepted.some((entry) => matches(entry, finding)));
    expect(unaccepted.map(describeFinding)).toEqual([]);
  });

  it('every accepted finding still occurs (remove the entry when the finding is fixed)', () => {
    const stale = accepted.accepted.filter((entry) => !scan.issues.some((finding) => matches(entry, finding)));
    expect(stale.map((entry) => `${entry.check} in ${entry.file}`)).toEqual([]);
  });

  it('the header policy passes the same CSP evaluator, but for the accepted remark on script-src', () => {
    const csp = require('@doyensec/csp-evaluator') as CspEvaluatorModule;
    const findings = new csp.CspEvaluator(new csp.CspParser(CONTENT_SECURITY_POLICY).csp, csp.Version.CSP3).evaluate();
    const remarks = findings.map((finding) => `${finding.directive} ${finding.value}: ${finding.description}`);
    expect(remarks).toEqual(["script-src 'self': 'self' can be problematic if you host JSONP, Angular or user uploaded files."]);
    for (const directive of ["default-src 'none'", "script-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
      expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

/**
 * (#23) The two calls Help makes, each on a folder the app itself writes: the log folder in its
 * settings folder (Help › Open logs folder) and the problem report it just wrote
 * (electron/helpActions.ts). Any other openPath or showItemInFolder, and any openExternal, fails.
 */
const HELP_FOLDER_CALLS = [/\bshell\.openPath\(log\.folder\)/g, /\bshell\.showItemInFolder\(report\.folder\)/g];

function withoutHelpFolders(source: string): string {
  return HELP_FOLDER_CALLS.reduce((text, call) => text.replace(call, ''), source);
}

describe('no shell.openExternal', () => {
  it('appears nowhere in what ships (checklist item 15)', async () => {
    const offenders: string[] = [];
    const walk = async (folder: string) => {
      for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (/\.(ts|tsx|js|cjs|mjs|html)$/.test(entry.name) && /openExternal|openPath|showItemInFolder/.test(withoutHelpFolders(await fs.readFile(full, 'utf8')))) {
          offenders.push(path.relative(stage, full));
        }
      }
    };
    await walk(stage);
    expect(offenders).toEqual([]);
    expect(withoutHelpFolders('shell.openPath(log.folder); shell.openPath(article)')).toMatch(/openPath\(article\)/);
  });
});
