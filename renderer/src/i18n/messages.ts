/** UI strings in Persian and English; the chrome is mirrored for Persian. */
const en = {
  appName: 'Hashiye',
  openFolder: 'Open folder…',
  articles: 'Articles',
  noCorpus: 'No corpus is open. Open a folder of article files (.txt).',
  noArticle: 'Choose an article from the list.',
  tags: 'Tags',
  annotations: 'Annotations',
  noAnnotations: 'No annotations yet. Select text and press a tag’s number.',
  undo: 'Undo',
  redo: 'Redo',
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  saveError: 'Not saved',
  readOnly: 'Read-only',
  loading: 'Loading…',
  selection: 'Selection',
  characters: 'characters',
  encoding: 'Encoding',
  guessed: 'guessed',
  annotator: 'Annotator',
  deleteAnnotation: 'Delete annotation',
  language: 'فارسی',
  status: 'Status',
  filter: 'Filter…',
  problemTitle: 'This article’s annotation file cannot be used',
  unreadable: 'Unreadable',
} as const;

export type MessageKey = keyof typeof en;

const fa: Record<MessageKey, string> = {
  appName: 'حاشیه',
  openFolder: 'باز کردن پوشه…',
  articles: 'مقاله‌ها',
  noCorpus: 'هیچ پیکره‌ای باز نیست. پوشه‌ای از پرونده‌های مقاله (‎.txt) باز کنید.',
  noArticle: 'مقاله‌ای را از فهرست انتخاب کنید.',
  tags: 'برچسب‌ها',
  annotations: 'حاشیه‌نویسی‌ها',
  noAnnotations: 'هنوز حاشیه‌نویسی‌ای نیست. متنی را انتخاب کنید و شمارهٔ برچسب را بزنید.',
  undo: 'واگرد',
  redo: 'ازنو',
  saved: 'ذخیره شد',
  saving: 'در حال ذخیره…',
  unsaved: 'تغییرات ذخیره‌نشده',
  saveError: 'ذخیره نشد',
  readOnly: 'فقط‌خواندنی',
  loading: 'در حال بارگذاری…',
  selection: 'گزینش',
  characters: 'نویسه',
  encoding: 'رمزگذاری',
  guessed: 'حدسی',
  annotator: 'برچسب‌زن',
  deleteAnnotation: 'حذف حاشیه‌نویسی',
  language: 'English',
  status: 'وضعیت',
  filter: 'پالایش…',
  problemTitle: 'پروندهٔ حاشیه‌نویسی این مقاله قابل استفاده نیست',
  unreadable: 'ناخوانا',
};

export type UiLanguage = 'fa' | 'en';

export const messages: Record<UiLanguage, Record<MessageKey, string>> = { en, fa };

export const statusLabels: Record<UiLanguage, Record<string, string>> = {
  en: { new: 'New', 'in-progress': 'In progress', done: 'Done', 'needs-review': 'Needs review', rejected: 'Rejected', approved: 'Approved' },
  fa: { new: 'تازه', 'in-progress': 'در جریان', done: 'انجام‌شده', 'needs-review': 'نیازمند بازبینی', rejected: 'ردشده', approved: 'تأییدشده' },
};
