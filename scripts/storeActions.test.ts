import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * Proves that the store rules bite: a component or a flow that calls a store's setState fails
 * lint, while the store's own file (where its named actions live) may; and a store that imports
 * a flow or the saving machinery, or saving/ that imports a flow, fails `npm run cycles`.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function storeRuleMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

const SET_FROM_OUTSIDE = "import { useWindowStore } from '../renderer/src/store/window/windowStore';\nexport const close = () => useWindowStore.setState({ notice: null });\n";

describe('store actions lint', () => {
  it('refuses setState in a component', async () => {
    expect((await storeRuleMessages(SET_FROM_OUTSIDE, 'renderer/src/components/app/Probe.tsx')).join('\n')).toMatch(/named actions/);
  });

  it('refuses setState in a flow', async () => {
    expect(await storeRuleMessages(SET_FROM_OUTSIDE.replace('../../store/', '../'), 'renderer/src/store/flows/probe.ts')).not.toHaveLength(0);
  });

  it("accepts setState in the store's own file", async () => {
    const code = "import { create } from 'zustand';\nexport const useProbeStore = create(() => ({ on: false }));\nexport const probeActions = { turnOn: () => useProbeStore.setState({ on: true }) };\n";
    expect(await storeRuleMessages(code, 'renderer/src/store/probeStore.ts')).toHaveLength(0);
  });
});

describe('store layering (dependency-cruiser)', () => {
  const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  let folder: string;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-store-layers-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  async function cruise(files: Record<string, string>): Promise<string> {
    for (const [name, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(folder, name)), { recursive: true });
      await fs.writeFile(path.join(folder, name), text);
    }
    const result = spawnSync(process.execPath, [depcruise, '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'err', 'renderer'], { cwd: folder, encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`;
  }

  const flow = "import { probeActions } from '../probeStore';\nexport const run = () => probeActions.on();\n";

  it('refuses a store that imports a flow', async () => {
    const output = await cruise({
      'renderer/src/store/probeStore.ts': "import { run } from './flows/probe';\nexport const probeActions = { on: () => undefined, run };\n",
      'renderer/src/store/flows/probe.ts': "export const run = () => 1;\n",
    });
    expect(output).toMatch(/stores-below-flows: renderer\/src\/store\/probeStore\.ts/);
  });

  it('refuses saving/ importing a flow, and accepts flows and saving/ building on the stores', async () => {
    const output = await cruise({
      'renderer/src/store/probeStore.ts': 'export const probeActions = { on: () => undefined };\n',
      'renderer/src/store/flows/probe.ts': flow,
      'renderer/src/store/saving/probeSave.ts': "import { run } from '../flows/probe';\nimport { probeActions } from '../probeStore';\nexport const save = () => [run(), probeActions.on()];\n",
    });
    expect(output).toMatch(/saving-below-flows: renderer\/src\/store\/saving\/probeSave\.ts/);
    expect(output).not.toMatch(/stores-below-flows/);
  });
});
