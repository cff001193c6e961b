import { describe, expect, it } from 'vitest';
import { languageOfText } from './textLanguage';

describe('languageOfText', () => {
  it('names Persian, Arabic, Hebrew and English articles and their direction', () => {
    expect(languageOfText('شهرداری تهران از بهره‌برداری خط جدید خبر داد.')).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(languageOfText('أعلنت وزارة الصحة عن خطة جديدة.')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(languageOfText('שלום עולם')).toEqual({ lang: 'he', dir: 'rtl' });
    expect(languageOfText('The Tehran metro opened a new line (خط ۷) today.')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('goes by the script of most letters, not the first one', () => {
    expect(languageOfText('BBC: گزارش خبرنگاران از نشست امروز در تهران')).toEqual({ lang: 'fa', dir: 'rtl' });
  });

  it('says und for text without letters', () => {
    expect(languageOfText('123 456 ...')).toEqual({ lang: 'und', dir: 'rtl' });
  });
});
