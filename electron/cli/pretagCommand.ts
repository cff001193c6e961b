import path from 'node:path';
import { gazetteerFromRegistry, gazetteerSyntaxOf, parseGazetteer, type GazetteerEntry } from '../../shared/pretag/gazetteer';
import { ENTITIES_FILE_NAME } from '../../shared/entities/registry';
import { readRegistry } from '../services/entities/entityRegistryFile';
import type { PretagSourceSpec } from '../services/pretag/pretagArticle';
import { PretagCancelledError, PretagInputError, runPretag, type PretagProgress, type PretagSummary } from '../services/pretag/pretagRun';
import { classifyTaggerUrl, needsConfirmation } from '../services/pretag/taggerAddress';
import { DEFAULT_TAGGER_TIMEOUT_MS, TaggerError } from '../services/pretag/taggerClient';
import { readNamedGazetteerFile } from '../services/pretag/pretagWindow';
import { parseArguments, singleCorpus } from './cliArguments';
import { progressLine } from './cliStreams';
import { CLI_EXIT, readCommandLine, UsageError, withInterruptSignal, type CliIo } from './cliIo';
import { isReadableFolder, reportUnreadableCorpus } from './readableFolder';
import { COMMAND_SUMMARIES, type CliCommand } from './commandRegistry';

export const PRETAG_HELP = `Usage: hashiye pretag CORPUS --gazetteer FILE [--as NAME] [options]
       hashiye pretag CORPUS --registry [--as NAME] [options]
       hashiye pretag CORPUS --tagger URL [--as NAME] [options]

Pre-annotates the corpus: every article gets NAME.annotators/AS.ann.json, an annotator's file
the app shows as suggestions (docs/pretagging.md). A later run as the same AS replaces the
suggestions of the earlier one; suggestions the analyst rejected, and anything AS annotated by
hand, are kept. Boilerplate zones get no suggestion. Files are written only when every article
has been tagged: Ctrl+C before that writes nothing.

Sources (one of):
  --gazetteer FILE   phrase TAB type per line (a .csv file: phrase,type), UTF-8, # comments
  --registry         the corpus's entity registry (entities.json) as the gazetteer: every
                     name and alias of each entity, of the entity's type
  --tagger URL       POSTs {"text", "language"} of each article to URL (http or https);
                     answers {"spans": [{"start","end","type"}], "unit": "codepoint"|"utf16"}

Options:
  --as NAME          the annotator file to write (default: gazetteer, also for --registry;
                     tagger for --tagger)
  --articles ID,ID   only these articles (ids as in the corpus, e.g. news/001.txt)
  --timeout SECONDS  tagger: per article (default ${DEFAULT_TAGGER_TIMEOUT_MS / 1000})
  --yes              tagger: send articles to an address outside this computer and its local
                     network (loopback and private LAN addresses need no --yes; without it
                     any other address is refused and nothing is sent)
  --json             print the summary as JSON on stdout
  -h, --help         show this help

Exit codes: 0 written; 1 some articles failed or gazetteer lines were skipped (listed), or the
tagger cannot be reached, or the registry has no entity; 2 wrong arguments (a remote tagger
without --yes); 3 the corpus, the gazetteer or entities.json cannot be read; 130 cancelled
(nothing written).
`;

interface PretagRequest {
  corpus: string;
  as: string;
  gazetteer?: string;
  /** (#24) The corpus's entity registry as the gazetteer. */
  registry?: true;
  tagger?: string;
  articles?: string[];
  timeoutMs?: number;
  json: boolean;
}

function parseRequest(argv: readonly string[]): PretagRequest | null {
  const parsed = parseArguments(argv, { values: ['--gazetteer', '--tagger', '--as', '--articles', '--timeout'], flags: ['--json', '--yes', '--registry'], short: { '-j': '--json' } });
  if (parsed.flags.has('--help')) return null;
  const corpus = path.resolve(singleCorpus(parsed));
  const gazetteer = parsed.values.get('--gazetteer');
  const tagger = parsed.values.get('--tagger');
  const registry = parsed.flags.has('--registry');
  if ([gazetteer !== undefined, tagger !== undefined, registry].filter(Boolean).length !== 1) throw new UsageError('Give one of --gazetteer FILE, --registry or --tagger URL.');
  const request: PretagRequest = { corpus, as: parsed.values.get('--as') ?? (tagger === undefined ? 'gazetteer' : 'tagger'), json: parsed.flags.has('--json') };
  const articles = parsed.values.get('--articles');
  if (articles !== undefined) request.articles = articles.split(',').map((value) => value.trim()).filter(Boolean);
  const timeout = parsed.values.get('--timeout');
  if (timeout !== undefined) {
    if (tagger === undefined) throw new UsageError('--timeout is for --tagger.');
    const seconds = Number(timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a number of seconds above 0 (got "${timeout}").`);
    request.timeoutMs = seconds * 1000;
  }
  if (gazetteer !== undefined) return { ...request, gazetteer: path.resolve(gazetteer) };
  if (registry) return { ...request, registry: true };
  const classified = classifyTaggerUrl(tagger as string);
  if (!classified.ok) throw new UsageError(`--tagger must be an http:// or https:// URL (got "${tagger}").`);
  if (needsConfirmation(classified.kind) && !parsed.flags.has('--yes')) {
    throw new UsageError(`${tagger} is not on this computer or its local network; articles are sent there only with --yes. Nothing was sent.`);
  }
  return { ...request, tagger: classified.url.href };
}

/** The gazetteer's entries, or the exit code (already reported) when the file cannot be used. */
async function readGazetteer(file: string, request: PretagRequest, io: CliIo): Promise<{ source: PretagSourceSpec; skipped: string[] } | number> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readNamedGazetteerFile(file));
  } catch (error) {
    const why = error instanceof TypeError ? 'it is not UTF-8' : (error as Error).message;
    io.stderr.write(`hashiye pretag: cannot read the gazetteer ${file}: ${why}.\n`);
    if (request.json) io.stdout.write(`${JSON.stringify({ error: `cannot read the gazetteer ${file}: ${why}` })}\n`);
    return CLI_EXIT.unreadable;
  }
  const parsed = parseGazetteer(text, gazetteerSyntaxOf(file));
  if (parsed.entries.length === 0) {
    io.stderr.write(`hashiye pretag: the gazetteer ${file} has no phrase to look for.\n${parsed.problems.map((problem) => `  ${problem.message}\n`).join('')}`);
    if (request.json) io.stdout.write(`${JSON.stringify({ error: 'the gazetteer has no phrase', skippedLines: parsed.problems })}\n`);
    return CLI_EXIT.problems;
  }
  return { source: { kind: 'gazetteer', entries: parsed.entries }, skipped: parsed.problems.map((problem) => problem.message) };
}

/** (#24) The registry's names as the gazetteer, or the exit code (already reported): 3 for a broken entities.json, 1 for one without a name. */
async function readRegistryGazetteer(request: PretagRequest, io: CliIo): Promise<{ source: PretagSourceSpec; skipped: string[] } | number> {
  let entries: GazetteerEntry[];
  try {
    entries = gazetteerFromRegistry((await readRegistry(request.corpus)).registry.entities);
  } catch (error) {
    const message = (error as Error).message;
    io.stderr.write(`hashiye pretag: ${message}\n`);
    if (request.json) io.stdout.write(`${JSON.stringify({ error: message })}\n`);
    return CLI_EXIT.unreadable;
  }
  if (entries.length === 0) {
    io.stderr.write(`hashiye pretag: the entity registry (${ENTITIES_FILE_NAME}) has no name to look for.\n`);
    if (request.json) io.stdout.write(`${JSON.stringify({ error: 'the entity registry has no name' })}\n`);
    return CLI_EXIT.problems;
  }
  return { source: { kind: 'gazetteer', entries }, skipped: [] };
}

function describeSummary(summary: PretagSummary, skipped: readonly string[]): string {
  let text = skipped.length > 0 ? `Gazetteer lines skipped (${skipped.length}):\n${skipped.map((line) => `  ${line}\n`).join('')}` : '';
  for (const result of summary.articles) {
    if (result.problem) text += `  ${result.article}: not written: ${result.problem.message}\n`;
    for (const refused of result.refused) text += `  ${result.article}: ${refused}\n`;
  }
  const done = summary.articles.length - summary.failed;
  text += `Wrote ${summary.written} suggestion(s) as ${summary.as} (${summary.source}) in ${done} article(s)${summary.failed > 0 ? `; ${summary.failed} article(s) failed` : ''}.\n`;
  return text;
}

function progressPrinter(io: CliIo, json: boolean): ((progress: PretagProgress) => void) | undefined {
  const line = json ? undefined : progressLine(io, 'pretag');
  return line && ((progress) => progress.phase === 'tagging' && line(progress.done, progress.total, 'articles'));
}

async function execute(request: PretagRequest, io: CliIo): Promise<number> {
  let source: PretagSourceSpec;
  let skipped: string[] = [];
  if (request.gazetteer !== undefined || request.registry) {
    const read = request.gazetteer !== undefined ? await readGazetteer(request.gazetteer, request, io) : await readRegistryGazetteer(request, io);
    if (typeof read === 'number') return read;
    ({ source, skipped } = read);
  } else source = { kind: 'tagger', url: request.tagger as string, timeoutMs: request.timeoutMs };
  return withInterruptSignal(async (signal) => {
    try {
      const summary = await runPretag(request.corpus, { as: request.as, source, articles: request.articles }, progressPrinter(io, request.json), signal);
      if (request.json) io.stdout.write(`${JSON.stringify({ ...summary, skippedLines: skipped }, null, 2)}\n`);
      else io.stdout.write(describeSummary(summary, skipped));
      return summary.failed > 0 || skipped.length > 0 ? CLI_EXIT.problems : CLI_EXIT.ok;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (request.json) io.stdout.write(`${JSON.stringify({ error: message, ...(error instanceof TaggerError ? { problem: error.problem } : {}) })}\n`);
      io.stderr.write(`hashiye pretag: ${message}\n`);
      if (error instanceof PretagCancelledError) return CLI_EXIT.cancelled;
      if (error instanceof PretagInputError) return CLI_EXIT.usage;
      return CLI_EXIT.problems;
    }
  });
}

export async function runPretagCommand(argv: string[], io: CliIo): Promise<number> {
  const commandLine = readCommandLine('pretag', PRETAG_HELP, io, () => parseRequest(argv));
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const request = commandLine.options;
  if (!(await isReadableFolder(request.corpus))) return reportUnreadableCorpus('pretag', request.corpus, request.json, io);
  return execute(request, io);
}

export const pretagCommand: CliCommand = {
  name: 'pretag',
  summary: COMMAND_SUMMARIES.pretag,
  run: runPretagCommand,
};
