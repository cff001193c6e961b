import { UsageError } from './cliIo';

export interface ArgumentSpec {
  /** Options that take a value (`--format conll` or `--format=conll`). */
  values: readonly string[];
  /** Options that are on or off (`--json`). */
  flags: readonly string[];
}

export interface ParsedArguments {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/** Parses a command's arguments; unknown options and missing values are usage errors. */
export function parseArguments(argv: readonly string[], spec: ArgumentSpec): ParsedArguments {
  const parsed: ParsedArguments = { positional: [], values: new Map(), flags: new Set() };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '-h') {
      parsed.flags.add('--help');
    } else if (argument === '--') {
      parsed.positional.push(...argv.slice(index + 1));
      break;
    } else if (argument.startsWith('--')) {
      const equals = argument.indexOf('=');
      const name = equals === -1 ? argument : argument.slice(0, equals);
      if (name === '--help' || spec.flags.includes(name)) {
        if (equals !== -1) throw new UsageError(`${name} takes no value.`);
        parsed.flags.add(name);
      } else if (spec.values.includes(name)) {
        const value = equals === -1 ? argv[++index] : argument.slice(equals + 1);
        if (value === undefined || (equals === -1 && value.startsWith('--'))) throw new UsageError(`${name} needs a value.`);
        if (parsed.values.has(name)) throw new UsageError(`${name} is given twice.`);
        parsed.values.set(name, value);
      } else {
        throw new UsageError(`Unknown option ${name}.`);
      }
    } else {
      parsed.positional.push(argument);
    }
  }
  return parsed;
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
