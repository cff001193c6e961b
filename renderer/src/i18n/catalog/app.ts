import { defineCatalog } from './defineCatalog';

/** The window's own words: the toolbar, the tag palette's tooltips and the notices of the flows (#19). */
export const appCatalog = defineCatalog(
  () => ({
    characterPrecision: 'Character precision',
    searchCorpus: 'Search corpus',
    commandTooltip: '{command} ({keys})',
    tagTooltip: '{label} ({id}), key {key}',
    tagTooltipNoKey: '{label} ({id}), no key',
    tagTooltipGuideline: '{label} ({id}), key {key}: {guideline}',
    tagTooltipGuidelineNoKey: '{label} ({id}): {guideline}',
    articleReanchored: 'The article changed on disk. Annotations moved: {moved}; matched approximately: {fuzzy}; orphaned: {orphaned} ({orphans:orphan|orphans} kept in the file).',
    everyArticleDone: 'Every article of this corpus is done.',
    brokenFileKept: 'The broken file was kept as {file}',
    mergedWithOtherWriter: 'Another writer (another instance or program) had changed the annotation file; their changes were merged with yours.',
    conflictRelationTitle: '{relation}: {type}',
    quotedText: '«{text}»',
    labelled: '{label}: {value}',
    attribute: '{name}={value}',
  }),
  () => ({
    characterPrecision: 'دقت نویسه‌ای',
    searchCorpus: 'جست‌وجو در پیکره',
    commandTooltip: '{command} ({keys})',
    tagTooltip: '{label} ({id})، کلید {key}',
    tagTooltipNoKey: '{label} ({id})، بی کلید',
    tagTooltipGuideline: '{label} ({id})، کلید {key}: {guideline}',
    tagTooltipGuidelineNoKey: '{label} ({id}): {guideline}',
    articleReanchored: 'متن مقاله روی دیسک تغییر کرده بود: {moved} حاشیه‌نویسی جابه‌جا شد، {fuzzy} با تطبیق تقریبی، {orphaned} یتیم شد ({orphans} یتیم در پرونده نگه داشته شده است).',
    everyArticleDone: 'همهٔ مقاله‌های این پیکره انجام شده‌اند.',
    brokenFileKept: 'پروندهٔ خراب نگه داشته شد با نام {file}',
    mergedWithOtherWriter: 'پروندهٔ حاشیه‌نویسی را نویسندهٔ دیگری (نمونهٔ دیگری از برنامه یا برنامه‌ای دیگر) تغییر داده بود؛ تغییرات او با تغییرات شما ادغام شد.',
    conflictRelationTitle: '{relation}: {type}',
    quotedText: '«{text}»',
    labelled: '{label}: {value}',
    attribute: '{name}={value}',
  }),
);

export type AppCatalogKey = keyof typeof appCatalog.en;
