import os from 'node:os';
import { parseArgs } from 'node:util';
import { defaultExportWorkerCount, maxExportWorkers, prestartExportWorkers } from '../services/transfer/threads/exportWorkerStart';
import { COMMAND_SUMMARIES, CommandRegistry, type CliCommand } from './commandRegistry';

/**
 * A command whose code is loaded when it runs. (#25) `hashiye export` then loads the export's
 * modules only, not every command's (the import's, the pretagger's, ...): its process starts
 * about 0.1 s of CPU sooner, and `hashiye --help` loads none. `prepare`, given the command's
 * arguments, runs before the code loads; the function it returns, once the command is done.
 */
function onDemand(name: keyof typeof COMMAND_SUMMARIES, load: () => Promise<CliCommand['run']>, prepare?: (argv: readonly string[]) => () => Promise<void>): CliCommand {
  return {
    name,
    summary: COMMAND_SUMMARIES[name],
    run: async (argv, io) => {
      const done = prepare?.(argv);
      try {
        return await (await load())(argv, io);
      } finally {
        await done?.();
      }
    },
  };
}

/**
 * (#25) How many worker threads `hashiye export ARGV` will use, read from its arguments before the
 * export's code is loaded (prestartExportWorkers): `--workers N`, else the default for `cores`;
 * none for `--help`, for a list of articles (the export decides by its length, as before) or
 * arguments that are not a whole number of workers or more than maxExportWorkers (the export's own
 * parse then refuses them: an absurd count is never started).
 * A guess the export corrects: it takes those it can use and ends the rest.
 */
export function exportWorkersToPrestart(argv: readonly string[], cores: number): number {
  const { values } = parseArgs({ args: [...argv], options: { workers: { type: 'string' }, articles: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: false, allowPositionals: true });
  if (values.help !== undefined || values.articles !== undefined) return 0;
  if (values.workers === undefined) return defaultExportWorkerCount(cores);
  const asked = Number(values.workers);
  return typeof values.workers === 'string' && Number.isInteger(asked) && asked >= 0 && asked <= maxExportWorkers(cores) ? asked : 0;
}

/**
 * Every `hashiye` subcommand. The extension point for new commands (`agree`, ...): register
 * them here, in the order `hashiye --help` lists them, with their line in COMMAND_SUMMARIES (commandRegistry.ts).
 */
export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry()
    .register(
      onDemand(
        'export',
        async () => (await import('./exportCommand')).exportCommand.run,
        // (#25) The export's workers load its code while this thread does the same, not after.
        (argv) => prestartExportWorkers(exportWorkersToPrestart(argv, os.availableParallelism())),
      ),
    )
    .register(onDemand('import', async () => (await import('./importCommand')).runImportCommand))
    .register(onDemand('validate', async () => (await import('./validateCommand')).validateCommand.run))
    .register(onDemand('stats', async () => (await import('./statsCommand')).statsCommand.run))
    .register(onDemand('agree', async () => (await import('./agreeCommand')).agreeCommand.run))
    .register(onDemand('pretag', async () => (await import('./pretagCommand')).pretagCommand.run));
}
