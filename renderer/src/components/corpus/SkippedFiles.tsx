import type { SkippedCorpusFile } from '../../../../shared/corpusWire';
import type { MessageKey } from '../../i18n/messages';
import { useMessages } from '../../i18n/useMessages';

const REASON_MESSAGES: Record<SkippedCorpusFile['reason'], MessageKey> = {
  'outside-corpus': 'skipOutsideCorpus',
  'dangling-link': 'skipDanglingLink',
  'not-regular-file': 'skipNotRegularFile',
  'too-large': 'skipTooLarge',
  'being-written': 'skipBeingWritten',
  'linked-folder': 'skipLinkedFolder',
};

/**
 * Files of the corpus folder the listing did not read (links leading outside, FIFOs, devices,
 * sockets...): one compact line, "Files skipped: N", that opens to the list with each reason.
 * main's own words for what it found are the tooltip.
 */
export function SkippedFiles({ skipped }: { skipped: readonly SkippedCorpusFile[] }) {
  const t = useMessages();
  if (skipped.length === 0) return null;
  return (
    <details className="skipped-files" data-testid="skipped-files" data-count={skipped.length}>
      <summary title={t('skippedFilesHelp')}>{t('skippedFiles', { count: skipped.length })}</summary>
      <ul>
        {skipped.map((entry) => (
          <li key={entry.path} title={entry.detail} data-reason={entry.reason}>
            <bdi dir="ltr" className="skipped-path">
              {entry.path}
            </bdi>
            <span className="skipped-reason">{t(REASON_MESSAGES[entry.reason])}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
