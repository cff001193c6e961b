/** Where a command writes; `process.stdout` and `process.stderr` fit, and so do test buffers. */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown };
  /** `isTTY`: progress is written only to a terminal, never into a log or a pipe. */
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** What `-` reads (`hashiye import - ...`); process.stdin from bin/hashiye.js. */
  stdin?: AsyncIterable<string | Uint8Array>;
}

/**
 * The exit codes of every command (README "The command line" has the table):
 * 0 done; 1 problems found and listed (validate's problems, an export that would lose labels,
 * an import that skipped lines, unreadable articles) or the work failed; 2 wrong arguments;
 * 3 the input (corpus folder or import source) cannot be read; 130 cancelled (Ctrl+C).
 */
export const CLI_EXIT = {
  ok: 0,
  problems: 1,
  usage: 2,
  unreadable: 3,
  cancelled: 130,
} as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs a long command with a signal that Ctrl+C (SIGINT) aborts, so the work stops cleanly and
 * reports itself cancelled instead of the process dying mid-write.
 */
export async function withInterruptSignal<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

/** A command's options, or the exit code when its arguments asked for help or were wrong (already written out). */
export type CommandLine<T> = { options: T } | { exitCode: number };

/**
 * Reads a command's arguments with `parse`, which returns null when help was asked for. The help
 * goes to stdout (exit 0); a usage error to stderr with the way to the help (exit 2); any other
 * error is thrown. Every command reports wrong arguments in these same words.
 */
export function readCommandLine<T>(command: string, help: string, io: CliIo, parse: () => T | null): CommandLine<T> {
  let options: T | null;
  try {
    options = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`hashiye ${command}: ${error.message}\nRun "hashiye ${command} --help" for usage.\n`);
    return { exitCode: CLI_EXIT.usage };
  }
  if (options === null) {
    io.stdout.write(help);
    return { exitCode: CLI_EXIT.ok };
  }
  return { options };
}
