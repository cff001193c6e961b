import { COMMAND_SUMMARIES, CommandRegistry, type CliCommand } from './commandRegistry';

/**
 * A command whose code is loaded when it runs. (#25) `hashiye export` then loads the export's
 * modules only, not every command's (the import's, the pretagger's, ...): its process starts
 * about 0.1 s of CPU sooner, and `hashiye --help` loads none.
 */
function onDemand(name: keyof typeof COMMAND_SUMMARIES, load: () => Promise<CliCommand['run']>): CliCommand {
  return { name, summary: COMMAND_SUMMARIES[name], run: async (argv, io) => (await load())(argv, io) };
}

/**
 * Every `hashiye` subcommand. The extension point for new commands (`agree`, ...): register
 * them here, in the order `hashiye --help` lists them, with their line in COMMAND_SUMMARIES (commandRegistry.ts).
 */
export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry()
    .register(onDemand('export', async () => (await import('./exportCommand')).exportCommand.run))
    .register(onDemand('import', async () => (await import('./importCommand')).runImportCommand))
    .register(onDemand('validate', async () => (await import('./validateCommand')).validateCommand.run))
    .register(onDemand('stats', async () => (await import('./statsCommand')).statsCommand.run))
    .register(onDemand('agree', async () => (await import('./agreeCommand')).agreeCommand.run))
    .register(onDemand('pretag', async () => (await import('./pretagCommand')).pretagCommand.run));
}
