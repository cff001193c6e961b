import path from 'node:path';
import { findBratOrphans } from '../services/brat/bratCorpusCheck';
import { describeBratOrphans } from './bratOrphansText';
import { parseArguments, singleCorpus } from './cliArguments';
import { CLI_EXIT, readCommandLine, UsageError, type CliIo } from './cliIo';
import { COMMAND_SUMMARIES, type CliCommand } from './commandRegistry';
import { statsToCsv } from '../../shared/stats/statsCsv';
import { corpusStats, type CorpusStats } from '../services/lead/corpusStats';
import { isReadableFolder, reportUnreadableCorpus } from './readableFolder';

export const STATS_HELP = `Usage: hashiye stats CORPUS [--json | --csv] [--per-article]

Counts the corpus's articles by status and its annotations in total, by type, by author, by
annotator file and by article, and progress over time: annotations created per day (the date
in their "created" field) and articles finished (done or approved) per day of their last update.
The app's statistics view shows the same figures, and its "Export CSV" writes what --csv prints.

Options:
  --per-article   also list each article's status and annotation counts (always in --json)
  --json          print the counts as JSON
  --csv           print the counts as CSV (section,key,count)
  -h, --help      show this help

Exit codes: 0 counted; 1 some articles or annotation files cannot be read (listed, counted as
"new" without annotations); 2 wrong arguments; 3 the corpus cannot be read.
`;

function table(rows: readonly [string, number][]): string {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return rows.map(([name, count]) => `  ${name.padEnd(width)}  ${count}`).join('\n');
}

function describe(stats: CorpusStats, perArticle: boolean): string {
  let text = `Articles: ${stats.articles}\n${table(Object.entries(stats.byStatus))}\n`;
  text += `Annotations: ${stats.annotations}\n${table(Object.entries(stats.byType))}\n`;
  text += `Relations: ${stats.relations}\n`;
  const section = (title: string, record: Record<string, number>, extra: [string, number][] = []) => {
    const rows = [...Object.entries(record), ...extra.filter(([, count]) => count > 0)];
    if (rows.length > 0) text += `${title}:\n${table(rows)}\n`;
  };
  section('By author', stats.byAuthor, [['(no author)', stats.withoutAuthor]]);
  section('By annotator file', stats.byAnnotatorFile);
  section('Created per day', stats.createdByDay, [['(no date)', stats.undated]]);
  section('Finished per day', stats.doneByDay, [['(no date)', stats.doneUndated]]);
  if (perArticle) {
    text += `Per article:\n${stats.perArticle.map((entry) => `  ${entry.article}  ${entry.status}  ${entry.annotations}${Object.keys(entry.byType).length > 0 ? `  (${Object.entries(entry.byType).map(([type, count]) => `${type} ${count}`).join(', ')})` : ''}`).join('\n')}\n`;
  }
  if (stats.unreadable.length > 0) text += `Unreadable (${stats.unreadable.length}):\n${stats.unreadable.map((entry) => `  ${entry.article}${entry.annotator ? ` (${entry.annotator})` : ''}: ${entry.message}`).join('\n')}\n`;
  return text;
}

function parseStatsArguments(argv: readonly string[]): { corpus: string; json: boolean; csv: boolean; perArticle: boolean } | null {
  const parsed = parseArguments(argv, { values: [], flags: ['--json', '--csv', '--per-article'], short: { '-j': '--json' } });
  if (parsed.flags.has('--help')) return null;
  const corpus = path.resolve(singleCorpus(parsed));
  const json = parsed.flags.has('--json');
  const csv = parsed.flags.has('--csv');
  if (json && csv) throw new UsageError('Choose --json or --csv, not both.');
  return { corpus, json, csv, perArticle: parsed.flags.has('--per-article') };
}

export async function runStatsCommand(argv: string[], io: CliIo): Promise<number> {
  const commandLine = readCommandLine('stats', STATS_HELP, io, () => parseStatsArguments(argv));
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { corpus, json, csv, perArticle } = commandLine.options;
  if (!(await isReadableFolder(corpus))) return reportUnreadableCorpus('stats', corpus, json, io);
  const stats = await corpusStats(corpus);
  // The same orphans validate and export report: the statistics count none of them.
  const bratOrphans = await findBratOrphans(corpus);
  io.stdout.write(json ? `${JSON.stringify({ ...stats, bratOrphans }, null, 2)}\n` : csv ? statsToCsv(stats) : describe(stats, perArticle) + describeBratOrphans(bratOrphans));
  if (csv) io.stderr.write(describeBratOrphans(bratOrphans));
  return stats.unreadable.length > 0 ? CLI_EXIT.problems : CLI_EXIT.ok;
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: COMMAND_SUMMARIES.stats,
  run: runStatsCommand,
};
