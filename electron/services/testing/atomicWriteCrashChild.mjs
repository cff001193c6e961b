// Child process for the crash-safety test of atomicWrite.ts: saves two versions of a file in
// an endless loop until the parent kills it with SIGKILL. Plain JavaScript, so that it runs on
// Node 20 without a TypeScript loader; the test hands it atomicWrite.ts transpiled to ESM.
// Usage: node atomicWriteCrashChild.mjs <atomicWrite.mjs> <target> <version A file> <version B file>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modulePath, target, versionAFile, versionBFile] = process.argv.slice(2);
const { writeFileAtomic } = await import(pathToFileURL(modulePath).href);
const versions = [readFileSync(versionBFile, 'utf8'), readFileSync(versionAFile, 'utf8')];

process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  await writeFileAtomic(target, versions[round % 2], { backup: true });
}
