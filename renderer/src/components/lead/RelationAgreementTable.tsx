import type { z } from 'zod';
import type { PairAgreementSchema } from '../../../../shared/agreement/agreementReport';
import { formatNumber } from '../../i18n/formatNumber';
import type { UiLanguage } from '../../i18n/messages';
import { relationsCatalog } from '../../i18n/catalog/relations';
import { useCatalog } from '../../i18n/useCatalog';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { formatRatio } from './leadFormat';
import { useLeadMessages } from './leadMessages';
import { ScoreHeadings } from './ScoreHeadings';

type PairAgreement = z.infer<typeof PairAgreementSchema>;
type Scored = { countA: number; countB: number; matched: number; precision: number | null; recall: number | null; f1: number | null };

/** A relation type's label in the UI language; an event role (`Attack.Target`) as «Target of Attack» in the UI language. */
function useRelationTypeLabel(language: UiLanguage): (type: string) => string {
  const words = useCatalog(relationsCatalog);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  return (type) => {
    const relation = tagSet?.relationTypes?.find((candidate) => candidate.id === type);
    if (relation) return relation.label[language];
    const dot = type.lastIndexOf('.');
    const event = dot > 0 ? tagSet?.eventTypes?.find((candidate) => candidate.id === type.slice(0, dot)) : undefined;
    return event ? words('roleOf', { role: type.slice(dot + 1), event: event.label[language] }) : type;
  };
}

/**
 * Relation agreement between one pair (#20), exact: the same type and the same two argument
 * spans. Per relation type (event roles as `event.role`) P/R/F1, with micro and macro rows,
 * from the report `hashiye agree` computes too (shared/relations/relationAgreement.ts).
 */
export function RelationAgreementTable({ pair, language }: { pair: PairAgreement; language: UiLanguage }) {
  const t = useLeadMessages();
  const words = useCatalog(relationsCatalog);
  const label = useRelationTypeLabel(language);
  const scores = pair.relations;
  if (scores.perTag.length === 0) return <p className="hint" data-testid="relation-agreement">{words('noRelationsToCompare')}</p>;
  const row = (key: string, name: string, scored: Scored) => (
    <tr key={key} data-row={key}>
      <th scope="row">
        <bdi>{name}</bdi>
      </th>
      <td>{formatNumber(scored.countA, language)}</td>
      <td>{formatNumber(scored.countB, language)}</td>
      <td>{formatNumber(scored.matched, language)}</td>
      <td>{formatRatio(scored.precision, language)}</td>
      <td>{formatRatio(scored.recall, language)}</td>
      <td>{formatRatio(scored.f1, language)}</td>
    </tr>
  );
  return (
    <table className="lead-table" data-testid="relation-agreement">
      <caption>{words('relationAgreement')}</caption>
      <thead>
        <tr>
          <th>{words('relationType')}</th>
          <th>
            <bdi>{pair.a}</bdi>
          </th>
          <th>
            <bdi>{pair.b}</bdi>
          </th>
          <ScoreHeadings />
        </tr>
      </thead>
      <tbody>
        {scores.perTag.map((scored) => row(scored.tag, label(scored.tag), scored))}
        {row('micro', t('micro'), scores.micro)}
        <tr data-row="macro">
          <th scope="row">{t('macro')}</th>
          <td colSpan={3} />
          <td>{formatRatio(scores.macro.precision, language)}</td>
          <td>{formatRatio(scores.macro.recall, language)}</td>
          <td>{formatRatio(scores.macro.f1, language)}</td>
        </tr>
      </tbody>
    </table>
  );
}
