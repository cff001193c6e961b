import { readFileSync } from 'node:fs';
import { CLI_EXIT, type CliIo } from './cliIo';
import { createCommandRegistry } from './commands';

/**
 * `hashiye`: the plain-Node command line (no Electron). Built to out/main/cli.js and started
 * by bin/hashiye.js; tests call `runCli` in-process with their own io.
 */
export const CLI_VERSION = readPackageVersion();

/** The version in package.json (two folders up from electron/cli/ and from out/main/ alike). */
function readPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

function usage(commands: readonly { name: string; summary: string }[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Usage: hashiye COMMAND [arguments] [--json] [--help]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run "hashiye COMMAND --help" for a command's options. Every command takes --json for scripts.
`;
}

/** Runs the command line on `argv` (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const registry = createCommandRegistry();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage(registry.list()));
    return name === undefined ? CLI_EXIT.usage : CLI_EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`hashiye ${CLI_VERSION}\n`);
    return CLI_EXIT.ok;
  }
  const command = registry.get(name);
  if (!command) {
    io.stderr.write(`hashiye: unknown command "${name}".\n\n${usage(registry.list())}`);
    return CLI_EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr.write(`hashiye ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return CLI_EXIT.problems;
  }
}

/** Entry point of bin/hashiye.js: runs on process.argv and sets the exit code. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}
