import { defineCatalog } from './defineCatalog';

/**
 * Why an import skipped or changed something, by the code the importer gives
 * (shared/formats/import/importTypes.ts ImportReason). A reason without a code yet is said by
 * `other`, with the importer's English words in the tooltip.
 */
export const importReasonCatalog = defineCatalog(
  {
    emptyToken: 'empty token; line skipped',
    noTag: 'no tag after the {separator} separator; line skipped',
    unknownTag: 'unrecognised tag «{tag}»; token kept outside any entity',
    invalidJsonLine: 'not valid JSON; line skipped',
    invalidJsonFile: 'not valid JSON; file skipped',
    unreadableFile: 'cannot be read; file skipped',
    noArticle: 'holds no article',
    articleExists: '{path} already exists in the new corpus; article not written (nothing is overwritten)',
    other: 'not imported as it is (the details are in the tooltip)',
  },
  {
    emptyToken: 'توکن خالی؛ سطر کنار گذاشته شد',
    noTag: 'پس از جداکنندهٔ {separator} برچسبی نیست؛ سطر کنار گذاشته شد',
    unknownTag: 'برچسب «{tag}» شناخته نیست؛ توکن بیرون از هر موجودیتی ماند',
    invalidJsonLine: '\u2068JSON\u2069 معتبر نیست؛ سطر کنار گذاشته شد',
    invalidJsonFile: '\u2068JSON\u2069 معتبر نیست؛ پرونده کنار گذاشته شد',
    unreadableFile: 'خوانده نمی‌شود؛ پرونده کنار گذاشته شد',
    noArticle: 'هیچ مقاله‌ای در آن نیست',
    articleExists: '{path} در پیکرهٔ تازه از پیش هست؛ مقاله نوشته نشد (چیزی بازنویسی نمی‌شود)',
    other: 'همان‌گونه که هست درون‌ریزی نشد (جزئیات در راهنمای نشانگر)',
  },
);

export type ImportReasonKey = keyof typeof importReasonCatalog.en;

export function isImportReasonKey(code: string): code is ImportReasonKey {
  return code !== 'other' && Object.hasOwn(importReasonCatalog.en, code);
}
