import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/ipc';
import { BOILERPLATE_ZONE } from '../../../../shared/documentLabels/judgmentValues';
import { api } from '../../api';
import { useArticleViewStore } from '../../store/articleViewStore';
import { addZone } from '../../store/flows/judgments/zoning';
import { zonesCatalog } from '../../i18n/catalog/zones';
import { useCatalog } from '../../i18n/useCatalog';

type Scan = ResponseOf<'corpus.footerProposals'>;
type Proposal = Scan['proposals'][number];

/**
 * (#21) Footers repeated across the corpus, proposed as boilerplate for the open article: taken
 * here (a zone in the document, undoable), refused here, or decided for every article the footer
 * ends (written into their files by main; the open one syncs). A refusal is remembered in the file.
 */
export function FooterProposalBar() {
  const article = useArticleViewStore((state) => state.article);
  const t = useCatalog(zonesCatalog);
  const [scan, setScan] = useState<Scan | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (!article || article.problem !== null) return null;
  const proposal = scan?.proposals.find((candidate) => candidate.articleId === article.id) ?? null;
  const sameFooter = (key: string) => scan?.proposals.filter((candidate) => candidate.key === key) ?? [];
  const drop = (ids: readonly string[], key: string) => setScan((before) => (before ? { ...before, proposals: before.proposals.filter((candidate) => candidate.key !== key || !ids.includes(candidate.articleId)) } : before));
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage(t('footerFailed', { reason: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const decide = (target: Proposal, ids: string[], decision: 'accept' | 'reject') =>
    run(async () => {
      // Accepted in the open article, the zone is its own edit (undoable, saved by autosave), not
      // a write by main that the window would then take for another writer's and merge.
      const here = decision === 'accept' && ids.includes(article.id);
      if (here) addZone(BOILERPLATE_ZONE, target.start, target.end);
      const others = here ? ids.filter((id) => id !== article.id) : ids;
      const result = others.length > 0 ? await api().corpus.decideFooter({ key: target.key, articleIds: others, decision }) : { written: [], skipped: [] };
      drop(here ? [article.id, ...result.written] : result.written, target.key);
      if (decision === 'accept') setMessage(t('acceptedEverywhere', { count: result.written.length + (here ? 1 : 0) }));
      if (result.skipped.length > 0) setMessage(t('footerFailed', { reason: result.skipped.map((entry) => `${entry.id}: ${entry.reason}`).join('; ') }));
    });
  return (
    <div className="document-label-row footer-proposals" role="group" aria-label={t('footerProposals')} data-testid="footer-proposals">
      <button type="button" className="document-label-value" disabled={busy} onClick={() => void run(async () => setScan(await api().corpus.footerProposals({})))} data-testid="scan-footers">
        {busy && !scan ? t('scanningFooters') : t('scanFooters')}
      </button>
      {proposal ? (
        <span className="footer-proposal" data-testid="footer-proposal" data-start={proposal.start} data-end={proposal.end}>
          {t('footerProposalCount', { count: proposal.articles })}{' '}
          <q>
            {/* Isolated: a Persian footer keeps its order inside the English sentence, the quotes stay outside it. */}
            <bdi>{Array.from(article.text).slice(proposal.start, proposal.end).join('').split('\n')[0]}…</bdi>
          </q>{' '}
          <button type="button" disabled={busy} onClick={() => { addZone(BOILERPLATE_ZONE, proposal.start, proposal.end); drop([article.id], proposal.key); }} data-testid="footer-accept-here">
            {t('acceptHere')}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide(proposal, [article.id], 'reject')} data-testid="footer-reject-here">
            {t('rejectHere')}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide(proposal, sameFooter(proposal.key).map((candidate) => candidate.articleId), 'accept')} data-testid="footer-accept-everywhere">
            {t('acceptEverywhere', { count: sameFooter(proposal.key).length })}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide(proposal, sameFooter(proposal.key).map((candidate) => candidate.articleId), 'reject')} data-testid="footer-reject-everywhere">
            {t('rejectEverywhere')}
          </button>
        </span>
      ) : null}
      {message ? <span className="notice" role="status">{message}</span> : null}
    </div>
  );
}
