import type { UserProblem } from '../../../shared/userProblem';
import { folderArgument } from '../app/startupFolder';
import { articleIdIn, isFolderOf, launchTargetForPath } from './launchTarget';

/** What the single-instance lock needs of Electron's `app`. */
export interface SingleInstanceHost {
  /** app.setPath('userData', folder). */
  setSettingsFolder(folder: string): void;
  /** app.requestSingleInstanceLock(): false when another instance holds it. */
  requestSingleInstanceLock(): boolean;
}

/**
 * Takes the single-instance lock of a settings folder. Electron's lock lives in the userData
 * folder, so the folder is set first: two profiles (HASHIYE_USER_DATA, as the tests use) run side
 * by side, while a second launch on the same profile hands over to the first and quits.
 */
export function claimSingleInstance(host: SingleInstanceHost, settingsFolder: string | undefined): boolean {
  if (settingsFolder) host.setSettingsFolder(settingsFolder);
  return host.requestSingleInstanceLock();
}

/** What a second launch asks of the running window. */
export interface HandOverHost {
  /** Restores the window if minimized and brings it to the front. */
  focusWindow(): void;
  /** The corpus open in the window, if any. */
  currentCorpus(): string | null;
  /**
   * Asks the window to switch to another corpus, then to open `articleId` in it (null: none asked):
   * it saves its edits first, and offers to stay when some cannot be saved
   * (corpus.switchRequested → corpus.confirmSwitch).
   */
  requestCorpusSwitch(folder: string, articleId: string | null): void;
  /** Asks the window to open an article of the corpus it shows (it saves the open one first, as any article change does). */
  requestArticle(articleId: string): void;
  /** Tells the window why nothing was opened, in the user's language. */
  refuse(problem: UserProblem): void;
}

export type HandOverOutcome = 'focused' | 'already-open' | 'article-requested' | 'switch-requested' | 'refused';

/**
 * A second launch (app `second-instance`: its argv and working folder) or a path opened from the
 * OS (macOS `open-file`): the running window comes to the front and opens what was asked, the
 * corpus and the article in it; a path that opens nothing is told to the user.
 */
export async function handOverLaunch(request: { argv: readonly string[]; workingDirectory: string; packaged: boolean } | { path: string }, host: HandOverHost): Promise<HandOverOutcome> {
  host.focusWindow();
  const asked = 'path' in request ? request.path : folderArgument(request.argv, request.packaged, request.workingDirectory);
  if (!asked) return 'focused';
  const target = await launchTargetForPath(asked);
  if ('refused' in target) {
    host.refuse(target.refused);
    return 'refused';
  }
  const current = host.currentCorpus();
  if (current && isFolderOf(target.folder, current)) {
    const articleId = target.articleFile ? articleIdIn(current, target.articleFile) : null;
    if (!articleId) return 'already-open';
    host.requestArticle(articleId);
    return 'article-requested';
  }
  host.requestCorpusSwitch(target.folder, target.articleFile ? articleIdIn(target.folder, target.articleFile) : null);
  return 'switch-requested';
}
