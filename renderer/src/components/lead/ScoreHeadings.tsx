import { useLeadMessages } from './leadMessages';

/** The four column headings of one block of agreement scores: matched, precision, recall, F1. */
export function ScoreHeadings() {
  const t = useLeadMessages();
  return (
    <>
      <th>{t('matched')}</th>
      <th>{t('precision')}</th>
      <th>{t('recall')}</th>
      <th>{t('f1')}</th>
    </>
  );
}
