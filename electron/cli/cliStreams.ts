import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFormatId } from '../../shared/formats/exportTypes';
import type { ImportFormat } from '../../shared/formats/import/importTypes';
import type { ImportProgress } from '../services/transfer/importCorpus';
import { UsageError, type CliIo } from './cliIo';

/**
 * `-` on the command line, as spaCy's `convert` and Prodigy's pipelines have it: standard
 * input for `import`, standard output for a one-file `export`. The data passes through a
 * private temporary folder (removed afterwards, whatever happens) so that the import and the
 * export keep their one code path, with its checks, staging and report.
 */

/** Formats whose export is one file: the ones `-o -` can write to standard output. */
export const STDOUT_FORMATS: readonly ExportFormatId[] = ['conll', 'jsonl', 'csv'];

const STDIN_EXTENSION: Record<Exclude<ImportFormat, 'brat'>, string> = { conll: '.conll', jsonl: '.jsonl', labelstudio: '.json', hf: '.jsonl' };

async function withTemporaryFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cli-'));
  try {
    return await work(folder);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/** Runs `work` on `source`, or, when it is `-`, on a temporary file holding standard input. */
export async function withStdinFile<T>(source: string, format: ImportFormat, io: CliIo, work: (file: string) => Promise<T>): Promise<T> {
  if (source !== '-') return work(source);
  if (format === 'brat' || !io.stdin) throw new UsageError('Standard input cannot be read here.');
  const stdin = io.stdin;
  return withTemporaryFolder(async (folder) => {
    const file = path.join(folder, `stdin${STDIN_EXTENSION[format]}`);
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    await fs.writeFile(file, Buffer.concat(chunks));
    return work(file);
  });
}

/**
 * Runs an export into a temporary folder (`work` gets the path to export to), then writes its
 * one file to standard output; nothing is written there when the export wrote nothing.
 */
export async function withStdoutExport<T extends { written: boolean; paths: string[] }>(format: ExportFormatId, extension: string, io: CliIo, work: (out: string) => Promise<T>): Promise<T> {
  if (!STDOUT_FORMATS.includes(format)) throw new UsageError(`-o - writes one file to standard output: ${STDOUT_FORMATS.join(', ')} only (got ${format}).`);
  return withTemporaryFolder(async (folder) => {
    const result = await work(path.join(folder, `export${extension}`));
    const main = result.paths.find((file) => file.endsWith(extension));
    if (result.written && main) io.stdout.write(await fs.readFile(main));
    return result;
  });
}

/** Progress of a long command, on stderr and only on a terminal: never in a pipe or a log. */
export function progressLine(io: CliIo, command: string): ((done: number, total: number, what: string) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  let lastTenth = -1;
  return (done, total, what) => {
    if (total === 0) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    io.stderr.write(`hashiye ${command}: ${done}/${total} ${what} (${tenth * 10}%)\n`);
  };
}

export function importProgressPrinter(io: CliIo): ((progress: ImportProgress) => void) | undefined {
  const line = progressLine(io, 'import');
  return line && ((progress) => line(progress.filesDone, progress.filesTotal, 'files'));
}
