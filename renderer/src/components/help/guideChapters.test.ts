import { describe, expect, it } from 'vitest';
import { README_USER_SECTIONS, guideChapters, markdownSections } from './guideChapters';
import { USER_GUIDE_SOURCES } from './userGuide';

describe('the user guide', () => {
  it('splits Markdown at its ## headings, not at a ## inside a code block', () => {
    const sections = markdownSections('# Title\nintro\n## One\ntext\n```sh\n## not a heading\n```\n## Two\nmore\n');
    expect(sections.map((section) => section.title)).toEqual(['One', 'Two']);
    expect(sections[0].body).toContain('## not a heading');
  });

  it('in English: the README’s user sections, then the docs', () => {
    const chapters = guideChapters('en', USER_GUIDE_SOURCES);
    expect(chapters.slice(0, README_USER_SECTIONS.length).map((chapter) => chapter.title)).toEqual([...README_USER_SECTIONS]);
    expect(chapters.map((chapter) => chapter.title)).not.toContain('How the tests run');
    expect(chapters.find((chapter) => chapter.id === 'using-the-app')?.markdown).toContain('Tagging.');
    expect(chapters.at(-1)?.title).toBe('Installing Hashiye');
  });

  it('in Persian: the translation of the user sections, then the docs marked as English', () => {
    const chapters = guideChapters('fa', USER_GUIDE_SOURCES);
    const persian = chapters.filter((chapter) => chapter.language === 'fa');
    expect(persian.map((chapter) => chapter.title)).toEqual(['مجموعه‌برچسب‌ها', 'کار با برنامه', 'برون‌بری و درون‌ریزی', 'راهنما و گزارش مشکل', 'خط فرمان']);
    expect(persian[1].markdown).toContain('برچسب‌گذاری');
    expect(chapters.filter((chapter) => chapter.language === 'en').map((chapter) => chapter.id)).toEqual(['agreement', 'import', 'formats', 'install']);
  });
});
