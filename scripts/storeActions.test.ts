import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves that the store rule bites: a component or a flow that calls a store's setState fails
 * lint; the store's own file (where its named actions live) may.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function storeRuleMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

const SET_FROM_OUTSIDE = "import { useWindowStore } from '../renderer/src/store/windowStore';\nexport const close = () => useWindowStore.setState({ notice: null });\n";

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
