import path from 'node:path';
import { CONLL_SEPARATORS, type ConllSeparator } from '../../shared/formats/import/conll';
import { IMPORT_FORMATS, isImportFormat, type ImportProblem } from '../../shared/formats/import/importTypes';
import { SOURCE_OFFSET_UNITS, type SourceOffsetUnit } from '../../shared/formats/import/sourceOffsets';
import { TAG_SCHEMES, type TagScheme } from '../../shared/formats/import/tagScheme';
import { DEFAULT_SENTENCES_PER_ARTICLE } from '../../shared/formats/import/tokenizedArticles';
import { importCorpus, type ImportOptions, type ImportSummary } from '../services/transfer/importCorpus';
import { oneOf, parseArguments } from './cliArguments';
import { CLI_EXIT, readCommandLine, UsageError, withInterruptSignal, type CliIo } from './cliIo';
import { importProgressPrinter, withStdinFile } from './cliStreams';

/** Exit codes of `hashiye import`: the table every command shares (cliIo.ts CLI_EXIT). */
export const IMPORT_EXIT = {
  ok: CLI_EXIT.ok,
  /** Refused or failed; or articles were written but some lines or items were skipped (listed). */
  failed: CLI_EXIT.problems,
  partial: CLI_EXIT.problems,
  usage: CLI_EXIT.usage,
  /** PATH cannot be read. */
  unreadable: CLI_EXIT.unreadable,
  cancelled: CLI_EXIT.cancelled,
} as const;

export const IMPORT_HELP = `Usage: hashiye import PATH --from FORMAT --out CORPUS [options]

Reads PATH (a file, or a folder of files) in another tool's format and writes a new corpus:
NAME.txt (UTF-8) and NAME.ann.json for each article. CORPUS must be new or empty; nothing is
ever overwritten, and a failed or cancelled import leaves nothing behind. Lines or items that
cannot be imported are listed with file and line.

Formats (--from): ${IMPORT_FORMATS.join(', ')}
  brat         folder of NAME.txt + NAME.ann (or one of them)
  conll        token-per-line, space, tab or | separated; IOB1, IOB2, BIOES (detected)
  jsonl        doccano JSONL ("label" or "entities" spans)
  labelstudio  Label Studio JSON or JSON-MIN export
  hf           Hugging Face token classification JSON lines (tokens, ner_tags)

Options:
  --out CORPUS                  the new corpus folder (required)
  --sentences-per-article N     tokenized sources without -DOCSTART-: N sentences an article (default ${DEFAULT_SENTENCES_PER_ARTICLE})
  --separator auto|${CONLL_SEPARATORS.join('|')}   CoNLL column separator (default auto)
  --scheme auto|${TAG_SCHEMES.join('|')}      tag scheme of conll and hf (default auto)
  --offset-unit ${SOURCE_OFFSET_UNITS.join('|')}      offsets of jsonl and labelstudio (default utf16)
  --labels O,B-PER,I-PER,...    hf: names of numeric tags (default: dataset_info.json beside the data);
                                conll: the declared tag set, any other tag refuses the file
  --text-field NAME             jsonl / labelstudio: field holding the text
  --label-field NAME            jsonl: field holding the spans
  --json                        print the summary as JSON
  -h, --help                    show this help

PATH - reads standard input (conll, jsonl, labelstudio, hf), e.g.
  hashiye export CORPUS -f conll -o - | hashiye import - -f conll -o NEW_CORPUS
Short options: -f (--from), -o (--out), -s (--scheme), -j (--json), -h (--help).

Exit codes: 0 imported; 1 imported but something was skipped (listed), or refused or failed;
2 wrong arguments; 3 PATH cannot be read; 130 cancelled (Ctrl+C).
`;

interface ParsedArguments {
  json: boolean;
  source: string;
  options: ImportOptions;
}

const VALUE_FLAGS = ['--from', '--out', '--sentences-per-article', '--separator', '--scheme', '--offset-unit', '--labels', '--text-field', '--label-field'];
const SHORT = { '-f': '--from', '-o': '--out', '-s': '--scheme', '-j': '--json' } as const;

/** The import's arguments; null when help was asked for. `source` is `-` for stdin. */
function parseImportArguments(argv: readonly string[]): ParsedArguments | null {
  const parsed = parseArguments(argv, { values: VALUE_FLAGS, flags: ['--json'], short: SHORT });
  if (parsed.flags.has('--help')) return null;
  const { positional, values } = parsed;
  const json = parsed.flags.has('--json');
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'Give the PATH to import (- for standard input).' : `One PATH only (got ${positional.join(', ')}).`);
  const from = values.get('--from');
  if (!from) throw new UsageError('--from FORMAT is required.');
  if (!isImportFormat(from)) throw new UsageError(`--from must be one of ${IMPORT_FORMATS.join(', ')} (got "${from}").`);
  const out = values.get('--out');
  if (!out) throw new UsageError('--out CORPUS is required.');
  const options: ImportOptions = { from, out: path.resolve(out) };
  const sentences = values.get('--sentences-per-article');
  if (sentences !== undefined) {
    const count = Number(sentences);
    if (!Number.isInteger(count) || count < 1) throw new UsageError('--sentences-per-article must be a whole number ≥ 1.');
    options.sentencesPerArticle = count;
  }
  const separator = values.get('--separator');
  if (separator !== undefined) options.separator = oneOf<ConllSeparator | 'auto'>('--separator', separator, ['auto', ...CONLL_SEPARATORS]);
  const scheme = values.get('--scheme');
  if (scheme !== undefined) options.scheme = oneOf<TagScheme | 'auto'>('--scheme', scheme, ['auto', ...TAG_SCHEMES]);
  const unit = values.get('--offset-unit');
  if (unit !== undefined) options.offsetUnit = oneOf<SourceOffsetUnit>('--offset-unit', unit, SOURCE_OFFSET_UNITS);
  const labels = values.get('--labels');
  if (labels !== undefined) options.labelNames = labels.split(',').map((label) => label.trim());
  const textField = values.get('--text-field');
  if (textField !== undefined) options.textField = textField;
  const labelField = values.get('--label-field');
  if (labelField !== undefined) options.labelField = labelField;
  if (positional[0] === '-' && from === 'brat') throw new UsageError('brat is a folder of files: it cannot come from standard input.');
  return { json, source: positional[0] === '-' ? '-' : path.resolve(positional[0]), options };
}

const LISTED_PROBLEMS = 20;

function formatProblems(title: string, problems: readonly ImportProblem[]): string {
  if (problems.length === 0) return '';
  const lines = problems.slice(0, LISTED_PROBLEMS).map((problem) => `  ${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.reason}`);
  if (problems.length > LISTED_PROBLEMS) lines.push(`  ... and ${problems.length - LISTED_PROBLEMS} more (--json lists all)`);
  return `${title} (${problems.length}):\n${lines.join('\n')}\n`;
}

function formatSummary(summary: ImportSummary): string {
  let text = summary.cancelled
    ? `Cancelled: nothing was imported, ${summary.out} was not created or changed.\n`
    : `Imported ${summary.articles} article(s) with ${summary.annotations} annotation(s) into ${summary.out}.\n`;
  for (const layout of summary.detected) {
    const parts = [layout.separator && `separator ${layout.separator}`, layout.scheme && `scheme ${layout.scheme.toUpperCase()}`].filter(Boolean);
    if (parts.length > 0) text += `  ${layout.file}: ${parts.join(', ')}\n`;
  }
  text += formatProblems('Skipped', summary.skipped);
  text += formatProblems('Warnings', summary.warnings);
  return text;
}

/** `hashiye import PATH --from F --out CORPUS`: argv holds the arguments after `import`. */
export async function runImportCommand(argv: string[], io: CliIo): Promise<number> {
  const commandLine = readCommandLine('import', IMPORT_HELP, io, () => parseImportArguments(argv));
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { source, options, json } = commandLine.options;
  return withInterruptSignal(async (signal) => {
    try {
      const summary = await withStdinFile(source, options.from, io, (file) => importCorpus(file, options, importProgressPrinter(io), signal));
      io.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
      if (summary.cancelled) return IMPORT_EXIT.cancelled;
      return summary.skipped.length > 0 ? IMPORT_EXIT.partial : IMPORT_EXIT.ok;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (json) io.stdout.write(`${JSON.stringify({ error: message })}\n`);
      io.stderr.write(`hashiye import: ${message}\n`);
      const code = (error as { userProblem?: { code?: string } }).userProblem?.code;
      return code === 'importSourceMissing' || code === 'importNothingFound' ? IMPORT_EXIT.unreadable : IMPORT_EXIT.failed;
    }
  });
}
