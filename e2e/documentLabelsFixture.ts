/**
 * (#21) The tag set of the document-label specs: two entity types and two dimensions, a single
 * choice of stance and an ordinal 1–5 scale of source reliability.
 */
export const STANCES = ['pro', 'neutral', 'against'] as const;

export const DOCUMENT_LABELS_TAG_SET = {
  version: 1,
  types: [
    { id: 'PER', label: { fa: 'شخص', en: 'Person' } },
    { id: 'ORG', label: { fa: 'سازمان', en: 'Organization' } },
  ],
  dimensions: [
    {
      id: 'stance',
      kind: 'single',
      label: { fa: 'موضع', en: 'Stance' },
      values: [
        { id: 'pro', label: { fa: 'موافق', en: 'For' } },
        { id: 'neutral', label: { fa: 'بی‌طرف', en: 'Neutral' } },
        { id: 'against', label: { fa: 'مخالف', en: 'Against' } },
      ],
    },
    { id: 'reliability', kind: 'scale', label: { fa: 'اعتبار منبع', en: 'Source reliability' }, min: 1, max: 5, level: 'ordinal' },
  ],
};
