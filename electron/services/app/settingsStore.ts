import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { PaneLayoutSchema } from '../../../shared/desktopWire';
import { writeFileAtomic } from '../storage/atomicWrite';

const SettingsSchema = z.looseObject({
  lastCorpus: z.string().nullable().default(null),
  lastArticleByCorpus: z.record(z.string(), z.string()).default({}),
  /** Where the reader was in the last article of each corpus: the UTF-16 offset at the top of the view. */
  lastOffsetByCorpus: z.record(z.string(), z.number().int().nonnegative()).default({}),
  recentCorpora: z.array(z.string()).default([]),
  annotator: z.string().min(1).optional(),
  /** Unset until the user picks one: then the system locale decides (Persian where it is Persian). */
  uiLanguage: z.enum(['fa', 'en']).optional(),
  theme: z.enum(['light', 'dark', 'system']).default('system'),
  /** Article text size in CSS pixels. */
  fontSize: z.number().int().min(12).max(40).default(19),
  /** (#23) The side panes' widths and collapsed state; unset until the user changes them. */
  paneLayout: PaneLayoutSchema.optional(),
  /** (#24) Tagger URLs outside this computer and its LAN the user confirmed sending articles to, each as written (normalized by URL). */
  confirmedTaggerUrls: z.array(z.string()).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

const MAX_RECENT_CORPORA = 10;

function osUserName(): string {
  try {
    return os.userInfo().username || 'annotator';
  } catch {
    return process.env.USER || process.env.USERNAME || 'annotator';
  }
}

/** The user's settings, a JSON file in the app's data folder (never inside a corpus). */
export class SettingsStore {
  private constructor(private readonly file: string, private settings: Settings) {}

  static async open(folder: string): Promise<SettingsStore> {
    const file = path.join(folder, 'settings.json');
    let settings = SettingsSchema.parse({});
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      if (parsed.success) settings = parsed.data;
    } catch {
      // First run, or an unreadable settings file: start from defaults and overwrite on change.
    }
    return new SettingsStore(file, settings);
  }

  get current(): Readonly<Settings> {
    return this.settings;
  }

  /** The UI language: the user's choice, else Persian where the system locale is Persian, else English. */
  uiLanguage(systemLocale: string): 'fa' | 'en' {
    return this.settings.uiLanguage ?? (/^fa\b|^fa-|^prs\b/i.test(systemLocale) ? 'fa' : 'en');
  }

  annotator(): string {
    return this.settings.annotator ?? osUserName();
  }

  /** Records an opened corpus as the last one and at the top of Open Recent. */
  async rememberCorpus(root: string): Promise<void> {
    const recentCorpora = [root, ...this.settings.recentCorpora.filter((entry) => entry !== root)].slice(0, MAX_RECENT_CORPORA);
    await this.update({ lastCorpus: root, recentCorpora });
  }

  /**
   * Makes `articleId` the corpus's last article, at its start: an article asked for at start-up
   * (a file the app was launched with) is where the window resumes.
   */
  async resumeAtArticle(root: string, articleId: string): Promise<void> {
    const { [root]: _previousOffset, ...lastOffsetByCorpus } = this.settings.lastOffsetByCorpus;
    await this.update({ lastArticleByCorpus: { ...this.settings.lastArticleByCorpus, [root]: articleId }, lastOffsetByCorpus });
  }

  /** (#24) Whether the user confirmed sending articles to this tagger URL (only asked for remote addresses). */
  isTaggerConfirmed(url: string): boolean {
    return this.settings.confirmedTaggerUrls.includes(url);
  }

  async confirmTagger(url: string): Promise<void> {
    if (!this.isTaggerConfirmed(url)) await this.update({ confirmedTaggerUrls: [...this.settings.confirmedTaggerUrls, url] });
  }

  private readonly languageListeners: (() => void)[] = [];

  /** Called after the UI language changes (main rebuilds the native menu in it). */
  onLanguageChange(listener: () => void): void {
    this.languageListeners.push(listener);
  }

  async update(change: Partial<Settings>): Promise<void> {
    const languageChanged = change.uiLanguage !== undefined && change.uiLanguage !== this.settings.uiLanguage;
    this.settings = { ...this.settings, ...change };
    if (languageChanged) for (const listener of this.languageListeners) listener();
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(this.settings, null, 2)}\n`, { backup: false });
  }
}
