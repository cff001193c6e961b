import { defineCatalog } from './defineCatalog';

/** The find bar over the article. */
export const findCatalog = defineCatalog(
  () => ({
    findLabel: 'Find in article',
    findPlaceholder: 'Find in article…',
    noHits: 'No hits',
    hitPosition: '{current} / {total}',
    previous: 'Previous',
    next: 'Next',
    select: 'Select',
    wholeWords: 'Whole words',
    tagAllAs: 'Tag all {count:hit|hits} as:',
    tagForAll: 'Tag for all hits',
    close: 'Close find',
    previewLabel: 'Tag-all preview',
    previewSummary: '{type}: {added:new annotation|new annotations} will be added ({already} already tagged).',
    tagAll: 'Tag all',
    cancel: 'Cancel',
  }),
  () => ({
    findLabel: 'جست‌وجو در مقاله',
    findPlaceholder: 'جست‌وجو در مقاله…',
    noHits: 'یافت نشد',
    hitPosition: '{current} از {total}',
    previous: 'قبلی',
    next: 'بعدی',
    select: 'گزینش',
    wholeWords: 'واژهٔ کامل',
    tagAllAs: 'برچسب زدن به همهٔ {count} مورد:',
    tagForAll: 'برچسب برای همه',
    close: 'بستن جست‌وجو',
    previewLabel: 'پیش‌نمایش برچسب‌زنی',
    previewSummary: '{added} حاشیه‌نویسی تازه با برچسب {type} افزوده می‌شود ({already} مورد از پیش برچسب دارد).',
    tagAll: 'برچسب زدن به همه',
    cancel: 'انصراف',
  }),
);
