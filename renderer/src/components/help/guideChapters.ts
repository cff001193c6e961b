import type { UiLanguage } from '../../i18n/messages';

export interface GuideChapter {
  id: string;
  title: string;
  markdown: string;
  /** The language the chapter is written in: English where no translation exists. */
  language: UiLanguage;
}

/** The README's sections written for the people using the app (the rest is for developers). */
export const README_USER_SECTIONS = ['Tag sets', 'Using the app', 'Export and import', 'The command line', 'Installing the packaged app'] as const;

interface Section {
  title: string;
  body: string;
}

/** The `## ` sections of a Markdown text (a `##` inside a fenced code block is code, not a heading). */
export function markdownSections(markdown: string): Section[] {
  const sections: Section[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^## (.+)$/.exec(line);
    if (heading) sections.push({ title: heading[1].trim(), body: '' });
    else if (sections.length > 0) sections[sections.length - 1].body += `${line}\n`;
  }
  return sections.map((section) => ({ ...section, body: section.body.trim() }));
}

/** A doc's title (its `# ` line) and the rest. */
function docChapter(id: string, markdown: string): GuideChapter {
  const title = /^# (.+)$/m.exec(markdown)?.[1].trim() ?? id;
  return { id, title, markdown: markdown.replace(/^# .+$/m, '').trim(), language: 'en' };
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

export interface GuideSources {
  readme: string;
  /** docs/guide/fa.md: the Persian translation of the README's user sections. */
  persianGuide: string;
  docs: readonly { id: string; markdown: string }[];
}

/**
 * The guide's chapters in the UI language: in English the README's user sections, in Persian
 * their translation; then the docs, in English for both (each says so in a Persian window).
 */
export function guideChapters(language: UiLanguage, sources: GuideSources): GuideChapter[] {
  const main =
    language === 'fa'
      ? markdownSections(sources.persianGuide).map((section, index) => ({ id: `fa-${index}`, title: section.title, markdown: section.body, language: 'fa' as const }))
      : markdownSections(sources.readme)
          .filter((section) => (README_USER_SECTIONS as readonly string[]).includes(section.title))
          .map((section) => ({ id: slug(section.title), title: section.title, markdown: section.body, language: 'en' as const }));
  return [...main, ...sources.docs.map((doc) => docChapter(doc.id, doc.markdown))];
}
