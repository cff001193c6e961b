import { describe, expect, it } from 'vitest';
import { recoverFromRendererGone } from './crashRecovery';

function host(answer: 'reload' | 'quit') {
  const calls: string[] = [];
  return {
    calls,
    ask: async (message: string) => {
      calls.push(`ask:${message.slice(0, 10)}`);
      return answer;
    },
    reload: () => {
      calls.push('reload');
    },
    quit: () => {
      calls.push('quit');
    },
  };
}

describe('recoverFromRendererGone', () => {
  it('offers a reload after a crash and reloads when the user agrees', async () => {
    const reloading = host('reload');
    expect(await recoverFromRendererGone({ reason: 'crashed', exitCode: 139 }, reloading)).toBe('reloaded');
    expect(reloading.calls).toEqual(['ask:The window', 'reload']);
  });

  it('quits when the user chooses to', async () => {
    const quitting = host('quit');
    expect(await recoverFromRendererGone({ reason: 'oom' }, quitting)).toBe('quit');
    expect(quitting.calls).toEqual(['ask:The window', 'quit']);
  });

  it('says nothing when the page closed normally', async () => {
    const quiet = host('reload');
    expect(await recoverFromRendererGone({ reason: 'clean-exit' }, quiet)).toBe('ignored');
    expect(quiet.calls).toEqual([]);
  });
});
