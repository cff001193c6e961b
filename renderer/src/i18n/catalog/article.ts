import { defineCatalog } from './defineCatalog';

/** The article area's words (generated from the components' inline pairs, #19). */
export const articleCatalog = defineCatalog(
  () => ({
    status: 'Status:',
    articleStatus: 'Article status',
    doneNext: 'Done, next',
    smallerText: 'Smaller text',
    largerText: 'Larger text',
    theme: 'Theme',
    systemTheme: 'System theme',
    light: 'Light',
    dark: 'Dark',
  }),
  () => ({
    status: 'وضعیت:',
    articleStatus: 'وضعیت مقاله',
    doneNext: 'انجام شد، بعدی',
    smallerText: 'کوچک‌تر کردن متن',
    largerText: 'بزرگ‌تر کردن متن',
    theme: 'پوسته',
    systemTheme: 'پوستهٔ سیستم',
    light: 'روشن',
    dark: 'تیره',
  }),
);
