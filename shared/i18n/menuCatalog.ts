/**
 * The native menu's words in Persian and English. They live in `shared/` because main builds the
 * menu and the renderer's catalog test walks them with the rest: one catalog for everything the
 * user reads. Typed by the English table, so a label missing in either language does not compile.
 */
const en = {
  file: 'File',
  openFolder: 'Open Folder…',
  openRecent: 'Open Recent',
  noRecent: '(none)',
  import: 'Import…',
  export: 'Export…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  copy: 'Copy',
  selectAll: 'Select All',
  view: 'View',
  find: 'Find…',
  nextArticle: 'Next Article',
  previousArticle: 'Previous Article',
  shortcuts: 'Keyboard Shortcuts',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  developerTools: 'Developer Tools',
  pickExportFolder: 'Export to folder',
  pickImportSource: 'Import',
  pickImportTarget: 'New corpus folder',
  importButton: 'Import',
} as const;

export type MenuLabelKey = keyof typeof en;

const fa: Record<MenuLabelKey, string> = {
  file: 'پرونده',
  openFolder: 'باز کردن پوشه…',
  openRecent: 'بازشده‌های اخیر',
  noRecent: '(هیچ)',
  import: 'درون‌ریزی…',
  export: 'برون‌بری…',
  quit: 'خروج',
  edit: 'ویرایش',
  undo: 'واگرد',
  redo: 'ازنو',
  copy: 'رونوشت',
  selectAll: 'گزینش همه',
  view: 'نما',
  find: 'جست‌وجو…',
  nextArticle: 'مقالهٔ بعدی',
  previousArticle: 'مقالهٔ قبلی',
  shortcuts: 'میان‌برهای صفحه‌کلید',
  resetZoom: 'اندازهٔ واقعی',
  zoomIn: 'بزرگ‌نمایی',
  zoomOut: 'کوچک‌نمایی',
  developerTools: 'ابزارهای توسعه‌دهنده',
  pickExportFolder: 'پوشهٔ برون‌بری',
  pickImportSource: 'درون‌ریزی',
  pickImportTarget: 'پوشهٔ پیکرهٔ تازه',
  importButton: 'درون‌ریزی',
};

export type MenuLanguage = 'fa' | 'en';

export const menuLabels: Record<MenuLanguage, Record<MenuLabelKey, string>> = { en, fa };
