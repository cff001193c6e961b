import { annotatorName } from '../annotatorName';
import type { DomainHandlers, HandlerContext } from '../handlerTypes';

/** The window's start, its preferences, the annotator's name and where the reader was. */
export function appHandlers({ session, settings, development, systemLocale, host, desktop }: HandlerContext): DomainHandlers<'app'> {
  return {
    'app.init': async () => {
      const root = session.rootPath;
      return {
        corpus: root ? await session.describe() : null,
        annotator: settings.annotator(),
        uiLanguage: settings.uiLanguage(systemLocale),
        theme: settings.current.theme,
        fontSize: settings.current.fontSize,
        lastArticleId: root ? (settings.current.lastArticleByCorpus[root] ?? null) : null,
        lastArticleOffset: root ? (settings.current.lastOffsetByCorpus[root] ?? null) : null,
        development,
        paneLayout: settings.current.paneLayout ?? null,
        platform: desktop.platform,
      };
    },
    'settings.setPaneLayout': async (paneLayout) => {
      await settings.update({ paneLayout });
      return { ok: true } as const;
    },
    'settings.setPreferences': async (preferences) => {
      await settings.update(preferences);
      return { ok: true } as const;
    },
    'settings.setAnnotator': async ({ name }) => {
      await settings.update({ annotator: annotatorName(name) });
      return { annotator: settings.annotator() };
    },
    'session.remember': async ({ articleId: article, offset }) => {
      const root = session.rootPath;
      // Remembered for the corpus the article was confined to, and only while it is the one open.
      if (root && article && article.root === root) {
        host.articleOpened?.(root, article.id);
        await settings.update({
          lastArticleByCorpus: { ...settings.current.lastArticleByCorpus, [root]: article.id },
          lastOffsetByCorpus: { ...settings.current.lastOffsetByCorpus, [root]: offset ?? 0 },
        });
      }
      return { ok: true } as const;
    },
  };
}

