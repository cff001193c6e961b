/** The reason an IPC call failed, as the user should read it: Electron prefixes errors thrown in main. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '');
}
