import type { z } from 'zod';
import type { AgreementReportSchema } from '../../../../shared/agreement/agreementReport';
import { FEW_LABEL_ITEMS, type DimensionAgreement } from '../../../../shared/documentLabels/labelAgreementReport';
import { formatNumber } from '../../i18n/formatNumber';
import type { UiLanguage } from '../../i18n/messages';
import { zonesCatalog } from '../../i18n/catalog/zones';
import { useCatalog } from '../../i18n/useCatalog';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { formatRatio } from './leadFormat';

type AgreementReport = z.infer<typeof AgreementReportSchema>;

const KIND_KEYS = { single: 'kindSingle', multi: 'kindMulti', scale: 'kindScale', undeclared: 'kindUndeclared' } as const;
const LEVEL_KEYS = { nominal: 'levelNominal', ordinal: 'levelOrdinal', interval: 'levelInterval' } as const;

function Figure({ value, items, language }: { value: number | null; items: number; language: UiLanguage }) {
  return (
    <>
      <td>{formatRatio(value, language)}</td>
      <td>{formatNumber(items, language)}</td>
    </>
  );
}

/**
 * (#21) The agreement tab's document-label part: per dimension Cohen's kappa (two annotators),
 * Fleiss' kappa and Krippendorff's alpha, each with the articles behind it, a note when those
 * are few; and what boilerplate left out of the span figures above.
 */
export function LabelAgreementSection({ report, language }: { report: AgreementReport; language: UiLanguage }) {
  const t = useCatalog(zonesCatalog);
  const dimensions = useCorpusViewStore((state) => state.corpus?.tagSet.dimensions);
  const rows = report.documentLabels ?? [];
  const name = (row: DimensionAgreement) => dimensions?.find((dimension) => dimension.id === row.dimension)?.label[language] ?? row.dimension;
  const few = rows.filter((row) => row.tooFew).map(name);
  const boilerplate = report.boilerplate;
  return (
    <section className="lead-labels" data-testid="label-agreement">
      {boilerplate && boilerplate.articles > 0 ? (
        <p className="hint" data-testid="agreement-boilerplate">
          {t('boilerplateLeftOut', { articles: boilerplate.articles, annotations: boilerplate.annotationsIgnored })}
        </p>
      ) : null}
      <h3>{t('labelAgreement')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('noLabelAgreement')}</p>
      ) : (
        <table className="lead-table" data-testid="label-agreement-table">
          <thead>
            <tr>
              <th>{t('labelDimension')}</th>
              <th>{t('labelKind')}</th>
              <th>{t('cohen')}</th>
              <th>{t('itemsCount')}</th>
              <th>{t('fleiss')}</th>
              <th>{t('itemsCount')}</th>
              <th>{t('alpha')}</th>
              <th>{t('itemsCount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.dimension} data-dimension={row.dimension}>
                <th scope="row">
                  <bdi>{name(row)}</bdi>
                </th>
                <td>
                  {t(KIND_KEYS[row.kind])} ({t(LEVEL_KEYS[row.level])})
                </td>
                <Figure value={row.cohen} items={row.items.cohen} language={language} />
                <Figure value={row.fleiss} items={row.items.fleiss} language={language} />
                <Figure value={row.alpha} items={row.items.alpha} language={language} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {few.length > 0 ? (
        <p className="notice" data-testid="label-agreement-few">
          {t('tooFew', { count: FEW_LABEL_ITEMS, dimensions: few.join(language === 'fa' ? '، ' : ', ') })}
        </p>
      ) : null}
    </section>
  );
}
