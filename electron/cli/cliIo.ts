/** Where a command writes; `process.stdout` and `process.stderr` fit, and so do test buffers. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/** Exit codes shared by `export`, `validate` and `stats` (`import` documents its own). */
export const CLI_EXIT = {
  ok: 0,
  /** validate found problems; export would lose labels (without --allow-lossy) or failed. */
  problems: 1,
  /** Wrong arguments. */
  usage: 2,
  /** The corpus folder cannot be read. */
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
