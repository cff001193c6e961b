#!/usr/bin/env node
// The `hashiye` command: a thin shim over the built CLI (electron/cli/cli.ts → out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(`hashiye: the command line is not built (${built} is missing).\nRun "npm run build" in the Hashiye folder first.\n`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(built).href);
await main();
