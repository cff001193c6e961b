import type { AgreementSpan, Range } from './agreementSpan';
import { addConfusion, cohenKappa, confusionOf, confusionTable, emptyConfusion, type ConfusionCounts, type KappaResult } from './cohenKappa';
import { addFleiss, emptyFleiss, fleissKappa, fleissOf, type FleissCounts, type FleissResult } from './fleissKappa';
import { addSpanCounts, countSpans, scoreSpanCounts, type SpanCounts, type SpanScores } from './spanScores';
import { OUTSIDE_LABEL, tokenLabels } from './tokenLabels';
import { countRelations, type RelationSide } from '../relations/relationAgreement';

/** What two annotators' annotations of one or more documents add up to. */
export interface PairCounts {
  documents: number;
  exact: SpanCounts;
  overlap: SpanCounts;
  tokens: ConfusionCounts;
  /** Relations and event roles, exact (shared/relations/relationAgreement.ts). */
  relations: SpanCounts;
}

export function emptyPairCounts(): PairCounts {
  return { documents: 0, exact: new Map(), overlap: new Map(), tokens: emptyConfusion(), relations: new Map() };
}

/** Compares annotator A's and B's spans of one document, whose tokens are given. */
export function comparePairDocument(
  tokens: readonly Range[],
  a: readonly AgreementSpan[],
  b: readonly AgreementSpan[],
  relations: { a: RelationSide; b: RelationSide } | null = null,
): PairCounts {
  return {
    relations: relations ? countRelations(relations.a, relations.b) : new Map(),
    documents: 1,
    exact: countSpans(a, b, 'exact'),
    overlap: countSpans(a, b, 'overlap'),
    tokens: confusionOf(tokenLabels(tokens, a), tokenLabels(tokens, b)),
  };
}

export function addPairCounts(into: PairCounts, from: PairCounts): void {
  into.documents += from.documents;
  addSpanCounts(into.exact, from.exact);
  addSpanCounts(into.overlap, from.overlap);
  addConfusion(into.tokens, from.tokens);
  addSpanCounts(into.relations, from.relations);
}

export interface TokenAgreement extends KappaResult {
  /** Token labels (tags and `O`, `O` last) and the table of counts: rows A, columns B. */
  confusion: { labels: string[]; rows: number[][] };
}

/** Agreement between two annotators, as the UI shows it and `hashiye agree --json` prints it. */
export interface PairAgreement {
  a: string;
  b: string;
  /** Documents both annotated (each has a file for it). */
  documents: number;
  /** Same start, end and type. */
  exact: SpanScores;
  /** Same type and at least one shared character, one to one. */
  overlap: SpanScores;
  /** Cohen's kappa over tokens. */
  tokens: TokenAgreement;
  /** Relations and event roles: same type, same two argument spans. */
  relations: SpanScores;
}

export function summarizePair(a: string, b: string, counts: PairCounts): PairAgreement {
  return {
    a,
    b,
    documents: counts.documents,
    exact: scoreSpanCounts(counts.exact),
    overlap: scoreSpanCounts(counts.overlap),
    tokens: { ...cohenKappa(counts.tokens), confusion: confusionTable(counts.tokens, OUTSIDE_LABEL) },
    relations: scoreSpanCounts(counts.relations),
  };
}

/** Fleiss' kappa counts of one document for several annotators (annotator order is irrelevant). */
export function compareGroupDocument(tokens: readonly Range[], spansByAnnotator: readonly (readonly AgreementSpan[])[]): FleissCounts {
  return fleissOf(spansByAnnotator.map((spans) => tokenLabels(tokens, spans)));
}

export interface GroupCounts {
  documents: number;
  tokens: FleissCounts;
}

export function emptyGroupCounts(annotators: number): GroupCounts {
  return { documents: 0, tokens: emptyFleiss(annotators) };
}

export function addGroupDocument(into: GroupCounts, document: FleissCounts): void {
  into.documents++;
  addFleiss(into.tokens, document);
}

/** Agreement of three or more annotators over tokens. */
export interface GroupAgreement {
  annotators: string[];
  /** Documents every one of them annotated. */
  documents: number;
  tokens: FleissResult;
}

export function summarizeGroup(annotators: readonly string[], counts: GroupCounts): GroupAgreement {
  return { annotators: [...annotators], documents: counts.documents, tokens: fleissKappa(counts.tokens) };
}
