/**
 * What happens when the window's page dies (a renderer crash, an out-of-memory kill): every edit
 * was autosaved within a moment of being made, so the user is told that and offered a reload,
 * which reopens the same article at the same place (remembered in the settings). Plain logic,
 * shared by main (native dialog, webContents.reload) and the e2e harness.
 */
export interface RendererGoneDetails {
  reason: string;
  exitCode?: number;
}

export interface CrashRecoveryHost {
  /** Asks the user; resolves to 'reload' or 'quit'. */
  ask(message: string, detail: string): Promise<'reload' | 'quit'>;
  reload(): Promise<void> | void;
  quit(): void;
}

/** `clean-exit` is a normal close; everything else is a crash the user should hear about. */
export function isCrash(details: RendererGoneDetails): boolean {
  return details.reason !== 'clean-exit';
}

export async function recoverFromRendererGone(details: RendererGoneDetails, host: CrashRecoveryHost): Promise<'reloaded' | 'quit' | 'ignored'> {
  if (!isCrash(details)) return 'ignored';
  const answer = await host.ask(
    'The window stopped unexpectedly — پنجره به‌طور ناگهانی متوقف شد',
    `Reason: ${details.reason}. Your annotations were saved as you made them. Reload at the same article? — حاشیه‌نویسی‌ها هم‌زمان ذخیره شده‌اند. دوباره در همان مقاله باز شود؟`,
  );
  if (answer === 'reload') {
    await host.reload();
    return 'reloaded';
  }
  host.quit();
  return 'quit';
}
