import { promises as fs } from 'node:fs';
import { CLI_EXIT, type CliIo } from './cliIo';

/** True when `folder` exists, is a folder and can be listed. */
export async function isReadableFolder(folder: string): Promise<boolean> {
  try {
    if (!(await fs.stat(folder)).isDirectory()) return false;
    await fs.readdir(folder);
    return true;
  } catch {
    return false;
  }
}

/** Says that the corpus folder cannot be read (on stdout too, as JSON, with --json); returns the exit code for it. */
export function reportUnreadableCorpus(command: string, corpus: string, json: boolean, io: CliIo): number {
  io.stderr.write(`hashiye ${command}: cannot read the corpus folder ${corpus}.\n`);
  if (json) io.stdout.write(`${JSON.stringify({ error: `cannot read the corpus folder ${corpus}` })}\n`);
  return CLI_EXIT.unreadable;
}
