import path from 'node:path';
import { parseArguments, singleCorpus } from './cliArguments';
import { CLI_EXIT, readCommandLine, type CliIo } from './cliIo';
import { COMMAND_SUMMARIES, type CliCommand } from './commandRegistry';
import { isReadableFolder, reportUnreadableCorpus } from './readableFolder';
import { progressLine } from './cliStreams';
import { validateCorpus, type ValidationProblem } from './validateCorpus';

export const VALIDATE_HELP = `Usage: hashiye validate CORPUS [--json]

Checks every NAME.ann.json in CORPUS: it parses against the schema (older versions are
migrated), its article NAME.txt exists and can be decoded, every annotation's offsets lie in
the article and its text equals the article's text there, ids are unique and relations link
existing annotations. In a brat corpus it also checks every NAME.ann: its syntax, offsets
against NAME.txt (discontinuous fragments too), ids and references (R, E, A, M, N, #, * to ids
that exist) and annotation.conf's types and argument constraints; it lists .ann files without
their .txt (problems) and .txt files without an .ann (warnings). Every problem is listed with
its file (and file:line for .ann and annotation.conf).

Progress is written to stderr when it is a terminal (never with --json).

Options:
  --json       print the result as JSON
  -h, --help   show this help

Exit codes: 0 all valid; 1 problems found (listed); 2 wrong arguments; 3 the corpus cannot be read.
`;

function line(entry: ValidationProblem): string {
  return `  ${entry.file}${entry.line ? `:${entry.line}` : ''}${entry.annotation ? ` [${entry.annotation}]` : ''}: ${entry.message}`;
}

function parseValidateArguments(argv: readonly string[]): { corpus: string; json: boolean } | null {
  const parsed = parseArguments(argv, { values: [], flags: ['--json'], short: { '-j': '--json' } });
  if (parsed.flags.has('--help')) return null;
  return { corpus: path.resolve(singleCorpus(parsed)), json: parsed.flags.has('--json') };
}

export async function runValidateCommand(argv: string[], io: CliIo): Promise<number> {
  const commandLine = readCommandLine('validate', VALIDATE_HELP, io, () => parseValidateArguments(argv));
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { corpus, json } = commandLine.options;
  if (!(await isReadableFolder(corpus))) return reportUnreadableCorpus('validate', corpus, json, io);
  // Progress goes to stderr on a terminal only; --json keeps stderr clean for scripts, as agree does.
  const result = await validateCorpus(corpus, json ? undefined : progressLine(io, 'validate'));
  if (json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    if (result.problems.length > 0) io.stdout.write(`Problems (${result.problems.length}):\n${result.problems.map(line).join('\n')}\n`);
    if (result.warnings.length > 0) io.stdout.write(`Warnings (${result.warnings.length}):\n${result.warnings.map(line).join('\n')}\n`);
    io.stdout.write(
      `${result.ok ? 'Valid' : 'Not valid'}: ${result.articles} article(s), ${result.annotationFiles} annotation file(s), ${result.bratFiles} brat .ann file(s), ${result.annotations} annotation(s), ${result.problems.length} problem(s).\n`,
    );
  }
  return result.ok ? CLI_EXIT.ok : CLI_EXIT.problems;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: COMMAND_SUMMARIES.validate,
  run: runValidateCommand,
};
