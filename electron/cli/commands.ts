import { CommandRegistry } from './commandRegistry';
import { agreeCommand } from './agreeCommand';
import { pretagCommand } from './pretagCommand';
import { exportCommand } from './exportCommand';
import { runImportCommand } from './importCommand';
import { statsCommand } from './statsCommand';
import { validateCommand } from './validateCommand';

/**
 * Every `hashiye` subcommand. The extension point for new commands (`agree`, ...): register
 * them here, in the order `hashiye --help` lists them.
 */
export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry()
    .register(exportCommand)
    .register({ name: 'import', summary: 'read brat, CoNLL, doccano, Label Studio or HF files into a new corpus', run: runImportCommand })
    .register(validateCommand)
    .register(statsCommand)
    .register(agreeCommand)
    .register(pretagCommand);
}
