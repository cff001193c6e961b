import path from 'node:path';
import type { AgreementReport } from '../../shared/agreement/agreementReport';
import type { PairAgreement } from '../../shared/agreement/pairAgreement';
import type { SpanScores } from '../../shared/agreement/spanScores';
import { FEW_LABEL_ITEMS, type DimensionAgreement } from '../../shared/documentLabels/labelAgreementReport';
import { AgreementCancelledError, computeAgreement, UnknownAnnotatorError, type AgreementSelection } from '../services/lead/agreementService';
import { parseArguments, singleCorpus } from './cliArguments';
import { CLI_EXIT, readCommandLine, UsageError, withInterruptSignal, type CliIo } from './cliIo';
import { progressLine } from './cliStreams';
import { COMMAND_SUMMARIES, type CliCommand } from './commandRegistry';
import { isReadableFolder } from './readableFolder';

export const AGREE_HELP = `Usage: hashiye agree CORPUS --a X --b Y [--json]
       hashiye agree CORPUS --all [--json]

Agreement between annotators who each have their own files, NAME.annotators/ANNOTATOR.ann.json.
A pair is compared on the articles both annotated; counts are summed over those articles.

  Spans, exact      same start, end and type
  Spans, overlap    same type and at least one shared character, each span paired at most once
                    P = matched / B's spans, R = matched / A's spans (A is the reference),
                    F1 = 2·matched / (A's + B's spans): the same whichever side is A
                    micro: from the counts of all tags; macro: mean over tags
  Relations, exact  same type and the same two argument spans (type and ranges of each end, in
                    the same direction); event roles count as TYPE.ROLE from trigger to argument
  Cohen's kappa     over tokens (the article's source tokens if it was imported from CoNLL or
                    HF, else the project's tokenizer), each labelled with its tag or O
  Fleiss' kappa     over tokens, for three or more annotators (--all), on the articles all of
                    them annotated
  Document labels   per dimension: Cohen's kappa (two annotators), Fleiss' kappa (on articles
                    all compared annotators labelled), Krippendorff's alpha (ordinal or interval
                    for scales, nominal for choices); a multiple choice counts as its set; free
                    text is not measured
  Boilerplate       annotations and tokens inside any compared annotator's boilerplate zone
                    are left out of every figure; the report says how many

"—" marks a figure that is 0/0 (nothing to measure), never shown as 0 or 1.

Options:
  --a NAME, --b NAME   the two annotators to compare
  --all                every pair, and Fleiss' kappa when there are three or more (the default)
  --json               print the report as JSON
  -h, --help           show this help

Exit codes: 0 computed; 1 an annotator is unknown, fewer than two annotators, or some articles or
annotation files could not be read (listed, left out); 2 wrong arguments; 3 the corpus cannot be read; 130 cancelled.
`;

function figure(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

/** Width in code points, so Persian tag names line up as well as Latin ones. */
function width(text: string): number {
  return Array.from(text).length;
}

function pad(text: string, size: number, align: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'start' ? text + fill : fill + text;
}

function layOut(rows: readonly string[][]): string {
  const sizes = rows[0].map((_, column) => Math.max(...rows.map((row) => width(row[column]))));
  return rows.map((row) => `  ${row.map((cell, column) => pad(cell, sizes[column], column === 0 ? 'start' : 'end')).join('  ')}`.trimEnd()).join('\n');
}

function spanTable(exact: SpanScores, overlap: SpanScores): string {
  const overlapByTag = new Map(overlap.perTag.map((tag) => [tag.tag, tag]));
  const rows: string[][] = [['tag', 'A', 'B', 'exact', 'P', 'R', 'F1', 'overlap', 'P', 'R', 'F1']];
  for (const tag of exact.perTag) {
    const other = overlapByTag.get(tag.tag);
    rows.push([tag.tag, String(tag.countA), String(tag.countB), String(tag.matched), figure(tag.precision), figure(tag.recall), figure(tag.f1), String(other?.matched ?? 0), figure(other?.precision ?? null), figure(other?.recall ?? null), figure(other?.f1 ?? null)]);
  }
  const { micro } = exact;
  rows.push(['micro', String(micro.countA), String(micro.countB), String(micro.matched), figure(micro.precision), figure(micro.recall), figure(micro.f1), String(overlap.micro.matched), figure(overlap.micro.precision), figure(overlap.micro.recall), figure(overlap.micro.f1)]);
  rows.push(['macro', '', '', '', figure(exact.macro.precision), figure(exact.macro.recall), figure(exact.macro.f1), '', figure(overlap.macro.precision), figure(overlap.macro.recall), figure(overlap.macro.f1)]);
  return layOut(rows);
}

function relationTable(relations: SpanScores): string {
  const rows: string[][] = [['relation', 'A', 'B', 'exact', 'P', 'R', 'F1']];
  for (const type of relations.perTag) rows.push([type.tag, String(type.countA), String(type.countB), String(type.matched), figure(type.precision), figure(type.recall), figure(type.f1)]);
  const { micro } = relations;
  rows.push(['micro', String(micro.countA), String(micro.countB), String(micro.matched), figure(micro.precision), figure(micro.recall), figure(micro.f1)]);
  return layOut(rows);
}

function describePair(pair: PairAgreement): string {
  const articles = `${pair.documents} article${pair.documents === 1 ? '' : 's'} both annotated`;
  if (pair.documents === 0) return `${pair.a} ↔ ${pair.b}: no article both annotated\n`;
  const kappa = pair.tokens;
  let text = `${pair.a} ↔ ${pair.b}: ${articles}\n`;
  text += `  Cohen's kappa over ${kappa.items} tokens: ${figure(kappa.kappa)}  (observed ${figure(kappa.observed)}, chance ${figure(kappa.expected)})\n`;
  text += `${spanTable(pair.exact, pair.overlap)}\n`;
  if (pair.relations.perTag.length > 0) text += `${relationTable(pair.relations)}\n`;
  return text;
}

/** (#21) Per dimension: Cohen (two annotators), Fleiss, Krippendorff's alpha, each with its article count. */
function labelTable(dimensions: readonly DimensionAgreement[]): string {
  const rows: string[][] = [['dimension', 'kind', 'Cohen', 'n', 'Fleiss', 'n', 'alpha', 'level', 'n']];
  for (const row of dimensions) {
    rows.push([row.dimension, row.kind, figure(row.cohen), String(row.items.cohen), figure(row.fleiss), String(row.items.fleiss), figure(row.alpha), row.level, String(row.items.alpha)]);
  }
  const few = dimensions.filter((row) => row.tooFew).map((row) => row.dimension);
  const note = few.length > 0 ? `\n  Fewer than ${FEW_LABEL_ITEMS} articles behind: ${few.join(', ')} (figures move a lot with one article).` : '';
  return `\nDocument labels:\n${layOut(rows)}${note}\n`;
}

export function formatAgreementReport(report: AgreementReport): string {
  const names = report.annotators.length > 0 ? ` (${report.annotators.join(', ')})` : '';
  let text = `Agreement in ${report.corpus}: ${report.annotators.length} annotator${report.annotators.length === 1 ? '' : 's'}${names}; ${report.comparedArticles} of ${report.articles} articles compared.\n`;
  if (report.comparedArticles > 0) text += `Tokens: ${report.tokenSources.article} article(s) with source tokens, ${report.tokenSources.tokenizer} by the tokenizer.\n`;
  if (report.boilerplate && (report.boilerplate.articles > 0 || report.boilerplate.annotationsIgnored > 0)) {
    text += `Boilerplate left out: ${report.boilerplate.articles} article(s) with boilerplate zones, ${report.boilerplate.annotationsIgnored} annotation(s) inside them ignored.\n`;
  }
  for (const pair of report.pairs) text += `\n${describePair(pair)}`;
  if (report.group) {
    const { tokens } = report.group;
    text += `\nFleiss' kappa (${report.group.annotators.join(', ')}) over ${tokens.items} tokens in ${report.group.documents} article(s) all annotated: ${figure(tokens.kappa)}  (observed ${figure(tokens.observed)}, chance ${figure(tokens.expected)})\n`;
  }
  if (report.documentLabels && report.documentLabels.length > 0) text += labelTable(report.documentLabels);
  if (report.problems.length > 0) {
    text += `\nLeft out (${report.problems.length}):\n${report.problems.map((problem) => `  ${problem.article}${problem.annotator ? ` [${problem.annotator}]` : ''}: ${problem.message}`).join('\n')}\n`;
  }
  return text;
}

function parse(argv: readonly string[]): { corpus: string; selection: AgreementSelection; json: boolean } | null {
  const parsed = parseArguments(argv, { values: ['--a', '--b'], flags: ['--all', '--json'], short: { '-j': '--json' } });
  if (parsed.flags.has('--help')) return null;
  const corpus = path.resolve(singleCorpus(parsed));
  const a = parsed.values.get('--a');
  const b = parsed.values.get('--b');
  const json = parsed.flags.has('--json');
  if (a === undefined && b === undefined) return { corpus, selection: { kind: 'all' }, json };
  if (parsed.flags.has('--all')) throw new UsageError('Give either --a and --b, or --all.');
  if (a === undefined || b === undefined) throw new UsageError('--a and --b go together.');
  return { corpus, selection: { kind: 'pair', a, b }, json };
}

/** `hashiye agree CORPUS --a X --b Y | --all [--json]`; argv holds the arguments after `agree`. */
export async function runAgreeCommand(argv: string[], io: CliIo): Promise<number> {
  const commandLine = readCommandLine('agree', AGREE_HELP, io, () => parse(argv));
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const options = commandLine.options;
  const fail = (message: string, code: number): number => {
    if (options.json) io.stdout.write(`${JSON.stringify({ error: message })}\n`);
    io.stderr.write(`hashiye agree: ${message}\n`);
    return code;
  };
  if (!(await isReadableFolder(options.corpus))) return fail(`cannot read the corpus folder ${options.corpus}.`, CLI_EXIT.unreadable);
  return withInterruptSignal(async (signal) => {
    try {
      // Progress on stderr, only on a terminal (as export and import): never in --json output or a pipe.
      const line = options.json ? undefined : progressLine(io, 'agree');
      const onProgress = line && ((progress: { done: number; total: number }) => line(progress.done, progress.total, 'articles'));
      const report = await computeAgreement(options.corpus, options.selection, onProgress, signal);
      io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAgreementReport(report));
      if (report.annotators.length < 2) {
        io.stderr.write(`hashiye agree: fewer than two annotators have files (NAME.annotators/ANNOTATOR.ann.json) in ${options.corpus}.\n`);
        return CLI_EXIT.problems;
      }
      return report.problems.some((problem) => problem.kind !== 'tokens') ? CLI_EXIT.problems : CLI_EXIT.ok;
    } catch (error) {
      if (error instanceof AgreementCancelledError) return fail(error.message, CLI_EXIT.cancelled);
      if (error instanceof UnknownAnnotatorError) return fail(error.message, CLI_EXIT.problems);
      throw error;
    }
  });
}

export const agreeCommand: CliCommand = {
  name: 'agree',
  summary: COMMAND_SUMMARIES.agree,
  run: runAgreeCommand,
};
