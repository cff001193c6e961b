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
    notATag: '«{tag}» is not a tag (O, or B-/I-/E-/S- and a type); file refused',
    tagNotDeclared: 'tag «{tag}» is not in the declared tag set; file refused',
    tagOutsideScheme: 'tag «{tag}» is not a tag of the {scheme} scheme; file refused',
    tagColumnRefused: '{lines} line(s) hold something that is not a tag; nothing of this file was imported',
    malformedRecord: 'field {field} is malformed; record refused',
    recordRefused: 'the record holds something malformed; nothing of it was imported',
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
    notATag: '«{tag}» برچسب نیست (نه بیرون از موجودیت، نه پیشوند آغاز، درون، پایان یا تک همراه یک نوع)؛ پرونده پذیرفته نشد',
    tagNotDeclared: 'برچسب «{tag}» در مجموعهٔ برچسب‌های اعلام‌شده نیست؛ پرونده پذیرفته نشد',
    tagOutsideScheme: 'برچسب «{tag}» از طرح \u2068{scheme}\u2069 نیست؛ پرونده پذیرفته نشد',
    tagColumnRefused: '{lines} سطر چیزی جز برچسب دارند؛ چیزی از این پرونده درون‌ریزی نشد',
    malformedRecord: 'فیلد {field} بدساخت است؛ رکورد پذیرفته نشد',
    recordRefused: 'رکورد چیز بدساختی دارد؛ چیزی از آن درون‌ریزی نشد',
  },
);

export type ImportReasonKey = keyof typeof importReasonCatalog.en;

export function isImportReasonKey(code: string): code is ImportReasonKey {
  return code !== 'other' && Object.hasOwn(importReasonCatalog.en, code);
}
