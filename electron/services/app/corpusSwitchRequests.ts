import { randomBytes } from 'node:crypto';

/**
 * Folders main was asked to open from its own menus (File › Open Folder, Open Recent) while the
 * window may hold edits not yet on disk. Main does not switch by itself: it names the request
 * to the window (`corpus.switchRequested`), which saves its edits, or asks the user about those
 * it cannot save, and then confirms it (`corpus.confirmSwitch`). The window never sees the path.
 * Only the latest request counts: choosing another folder meanwhile replaces it.
 */
export class CorpusSwitchRequests {
  private pending: { token: string; folder: string } | null = null;

  request(folder: string): string {
    const token = `switch${randomBytes(12).toString('hex')}`;
    this.pending = { token, folder };
    return token;
  }

  /** The folder of the request named by `token`, once; null for an unknown, replaced or used token. */
  take(token: string): string | null {
    if (this.pending === null || this.pending.token !== token) return null;
    const { folder } = this.pending;
    this.pending = null;
    return folder;
  }
}
