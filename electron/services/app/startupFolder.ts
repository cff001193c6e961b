import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The folder named on the command line, if any: `npm start -- DIR` (Electron sees
 * `electron . -- DIR`) or the packaged app given a folder. Relative paths are taken from the
 * folder the user typed the command in (npm's INIT_CWD), not npm's own working folder.
 */
export function folderArgument(argv: readonly string[], packaged: boolean, baseFolder: string): string | null {
  const args = argv.slice(packaged ? 1 : 2).filter((arg) => arg !== '--' && !arg.startsWith('-'));
  const last = args.at(-1);
  return last === undefined ? null : path.resolve(baseFolder, last);
}

async function isFolder(candidate: string | null | undefined): Promise<boolean> {
  if (!candidate) return false;
  try {
    return (await fs.stat(candidate)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The bundled sample corpus is read-only inside an installed app, so analysts annotate a
 * copy in their data folder, made once and never overwritten.
 */
export async function ensureSampleCorpusCopy(bundled: string, userDataFolder: string): Promise<string> {
  const copy = path.join(userDataFolder, 'sample-corpus');
  if (!(await isFolder(copy))) {
    await fs.mkdir(userDataFolder, { recursive: true });
    await fs.cp(bundled, copy, { recursive: true, errorOnExist: false, force: false });
  }
  return copy;
}

/** The corpus to open at start: the argument, else the last corpus, else the sample corpus. */
export async function chooseStartupFolder(options: {
  argument: string | null;
  lastCorpus: string | null;
  sampleCorpus: () => Promise<string>;
}): Promise<string> {
  if (await isFolder(options.argument)) return options.argument as string;
  if (await isFolder(options.lastCorpus)) return options.lastCorpus as string;
  return options.sampleCorpus();
}
