/**
 * The window shows one page, the app's own, and asks for nothing: every navigation, redirect,
 * new window, webview, download and permission is refused. Main calls these once per session
 * and for every WebContents created (Electron's checklist items 5, 11–14).
 */
import type { Session, WebContents } from 'electron';

/** Called with what was refused, so a development build can log it. */
export type RefusalListener = (what: string) => void;

export function denyAllPermissions(session: Session, onRefusal: RefusalListener = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    onRefusal(`permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event, item) => {
    onRefusal(`download: ${item.getURL()}`);
    event.preventDefault();
  });
}

export function lockDownWebContents(contents: WebContents, onRefusal: RefusalListener = () => {}): void {
  // The app never navigates: the article list, the article and the dialogs are one page.
  contents.on('will-navigate', (event) => {
    onRefusal(`navigation to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    onRefusal(`frame navigation to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    onRefusal(`redirect to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    onRefusal('a <webview>');
    event.preventDefault();
  });
  // No new windows, and nothing is handed to the operating system to open: a link opens nothing.
  contents.setWindowOpenHandler(({ url }) => {
    onRefusal(`new window for ${url}`);
    return { action: 'deny' };
  });
}
