import type { SenderInfo } from './dispatcher';

/** The parts of Electron's IpcMainInvokeEvent the check reads (structural, so it is tested without Electron). */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Whether a call comes from our window: its own web contents, in the top frame (never a
 * subframe), showing the app's own page (`isAppUrl`: the app:// origin, or the dev server in
 * development). The dispatcher refuses every other sender before looking at the request.
 */
export function electronSender(event: InvokeEventLike, window: { webContents: unknown } | null, isAppUrl: (url: string) => boolean): SenderInfo {
  const frame = event.senderFrame;
  const frameUrl = frame?.url ?? '';
  const topFrame = frame !== null && frame.parent === null;
  const trusted = window !== null && event.sender === window.webContents && topFrame && isAppUrl(frameUrl);
  return { trusted, description: frameUrl || 'unknown frame' };
}
