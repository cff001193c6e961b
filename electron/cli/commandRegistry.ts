import type { CliIo } from './cliIo';

/**
 * A subcommand of `hashiye`. To add one (`agree`, ...): write a module exporting a
 * `CliCommand` and list it in `commands.ts`; `hashiye --help` and dispatch pick it up.
 */
export interface CliCommand {
  name: string;
  /** One line for `hashiye --help`. */
  summary: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

export class CommandRegistry {
  private readonly commands = new Map<string, CliCommand>();

  register(command: CliCommand): this {
    if (this.commands.has(command.name)) throw new Error(`The command "${command.name}" is registered twice.`);
    this.commands.set(command.name, command);
    return this;
  }

  get(name: string): CliCommand | undefined {
    return this.commands.get(name);
  }

  list(): CliCommand[] {
    return [...this.commands.values()];
  }
}
