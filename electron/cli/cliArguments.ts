import { parseArgs } from 'node:util';
import { UsageError } from './cliIo';

export interface ArgumentSpec {
  /** Options that take a value (`--format conll` or `--format=conll`). */
  values: readonly string[];
  /** Options that are on or off (`--json`). */
  flags: readonly string[];
  /** One-letter aliases, `{ '-f': '--format' }`; `-h` is always `--help`. */
  short?: Readonly<Record<string, string>>;
}

export interface ParsedArguments {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

type ParseArgsOptions = Record<string, { type: 'string' | 'boolean'; short?: string; multiple: true }>;

function optionsOf(spec: ArgumentSpec): ParseArgsOptions {
  const options: ParseArgsOptions = { help: { type: 'boolean', short: 'h', multiple: true } };
  const shortFor = (name: string): string | undefined => Object.entries(spec.short ?? {}).find(([, long]) => long === name)?.[0].slice(1);
  for (const [names, type] of [[spec.values, 'string'], [spec.flags, 'boolean']] as const) {
    for (const name of names) {
      const short = shortFor(name);
      options[name.slice(2)] = short ? { type, short, multiple: true } : { type, multiple: true };
    }
  }
  return options;
}

/** node:util's parse errors in the words every command uses. */
function usageErrorOf(error: unknown, argv: readonly string[]): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const named = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const option = named.startsWith('--') ? named.split('=')[0] : named;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`Unknown option ${option || argv.find((argument) => argument.startsWith('-')) || ''}.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(/does not take an argument/.test(message) ? `${option} takes no value.` : `${option} needs a value.`);
  }
  return new UsageError(message);
}

/**
 * Parses a command's arguments with node:util's parseArgs, the one parser of every command:
 * long options (`--out PATH`, `--out=PATH`), their short aliases (`-o PATH`), `--` before
 * positionals, `-` as a value or positional (stdin or stdout). Unknown options, missing values
 * and an option given twice are usage errors.
 */
export function parseArguments(argv: readonly string[], spec: ArgumentSpec): ParsedArguments {
  // A value-taking option followed by another option has no value: parseArgs would take the option as it.
  argv.forEach((argument, index) => {
    const next = argv[index + 1];
    const name = spec.short?.[argument] ?? argument;
    if (spec.values.includes(name) && (next === undefined || (next.startsWith('-') && next !== '-'))) throw new UsageError(`${name} needs a value.`);
  });
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: optionsOf(spec), allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error, argv);
  }
  const result: ParsedArguments = { positional: parsed.positionals, values: new Map(), flags: new Set() };
  for (const [key, given] of Object.entries(parsed.values)) {
    const list = given as (string | boolean)[] | undefined;
    if (!list || list.length === 0) continue;
    if (list.length > 1) throw new UsageError(`--${key} is given twice.`);
    if (typeof list[0] === 'string') result.values.set(`--${key}`, list[0]);
    else result.flags.add(`--${key}`);
  }
  return result;
}

export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}").`);
  return value as T;
}

/** The single CORPUS argument of a command. */
export function singleCorpus(parsed: ParsedArguments): string {
  if (parsed.positional.length === 0) throw new UsageError('Give the CORPUS folder.');
  if (parsed.positional.length > 1) throw new UsageError(`One CORPUS folder only (got ${parsed.positional.join(', ')}).`);
  return parsed.positional[0];
}
