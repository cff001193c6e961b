import { defineCatalog } from './defineCatalog';

/** (#23) Help › User Guide and About. */
export const helpCatalog = defineCatalog(
  () => ({
    guideTitle: 'User Guide',
    guideChapters: 'Chapters',
    guideInEnglish: 'This chapter is in English only.',
    aboutTitle: 'About Hashiye',
    aboutTagline: 'Annotate right-to-left news articles, Persian first.',
    aboutVersion: 'Version',
    aboutElectron: 'Electron',
    aboutChromium: 'Chromium',
    aboutNode: 'Node',
    aboutNotElectron: 'not running in Electron',
    aboutLicences: 'Bundled packages and their licences ({count})',
    aboutNoLicenceText: 'The package ships no licence file.',
    aboutLoadFailed: 'The versions and licences could not be read.',
    close: 'Close',
  }),
  () => ({
    guideTitle: 'راهنمای کاربر',
    guideChapters: 'فصل‌ها',
    guideInEnglish: 'این فصل فقط به انگلیسی است.',
    aboutTitle: 'دربارهٔ حاشیه',
    aboutTagline: 'برچسب‌گذاری خبرهای راست‌به‌چپ، نخست فارسی.',
    aboutVersion: 'نسخه',
    aboutElectron: 'الکترون',
    aboutChromium: 'کرومیوم',
    aboutNode: 'نود',
    aboutNotElectron: 'بیرون از الکترون اجرا می‌شود',
    aboutLicences: 'بسته‌های همراه و پروانه‌هایشان ({count})',
    aboutNoLicenceText: 'این بسته پروندهٔ پروانه ندارد.',
    aboutLoadFailed: 'نسخه‌ها و پروانه‌ها خوانده نشدند.',
    close: 'بستن',
  }),
);
