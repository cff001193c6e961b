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

/**
 * Each `hashiye` command's one line for `hashiye --help`, in the order it lists them. (#25) Apart
 * from the commands' code, so that the list and the dispatch load no command's modules: a run
 * loads only its own command (commands.ts).
 */
export const COMMAND_SUMMARIES = {
  export: 'export the annotations to brat, conll, jsonl, labelstudio, w3c, csv or hf',
  import: 'read brat, CoNLL, doccano, Label Studio or HF files into a new corpus',
  validate: 'check every NAME.ann.json: schema, offsets in range, text matches the article',
  stats: 'count articles by status, annotations by type, author and article, and progress per day',
  agree: 'agreement between annotators: span P/R/F1, Cohen’s and Fleiss’ kappa',
  pretag: 'pre-annotate with a gazetteer (a file or the entity registry) or a tagger over HTTP, as an annotator file of suggestions',
} as const;
