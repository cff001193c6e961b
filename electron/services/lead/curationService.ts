import { spanKey, type AgreementSpan } from '../../../shared/agreement/agreementSpan';
import { applyCuration, CurationDecisionError, decisionProblem } from '../../../shared/curation/applyCuration';
import { CurationRecordSchema, type CurationDecision, type CurationRecord } from '../../../shared/curation/curationDecision';
import type { ArticleCuration, CuratedArticle } from '../../../shared/curation/curationSchemas';
import { listDisagreements, type CurationListing } from '../../../shared/curation/disagreements';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { annotationPathFor, SaveRefusedError } from '../storage/annotationStore';
import { readAnnotationFileAt, saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { listArticleAnnotators } from './annotatorFiles';
import { annotatorFilePath } from './annotatorPaths';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { articlePathIn, type ConfinedArticle } from '../corpus/corpusPaths';
import { readArticleBytes } from '../corpus/confinedReaders';
import { withUserProblem } from '../problems/userProblems';
import type { UserProblem, UserProblemOf } from '../../../shared/userProblem';

/** The top-level field of the curated file that records the curation (see CurationRecordSchema). */
export const CURATION_FIELD = 'curation';

type CurationRefusal = Omit<UserProblemOf<'curationRefused'>, 'code'>;

export class CurationRefusedError extends Error {
  /** The refusal as a code for the window (the message stays English, for the CLI and logs). */
  readonly userProblem?: UserProblem;

  constructor(message: string, refusal?: CurationRefusal) {
    super(message);
    this.name = 'CurationRefusedError';
    if (refusal) this.userProblem = { code: 'curationRefused', ...refusal };
  }
}

interface LoadedCuration {
  articlePath: string;
  article: DecodedArticle;
  view: ArticleCuration;
  curated: AnnotationFile | null;
  /** SHA-256 of the curated file's bytes as read (null: none): the save must land on that very file. */
  curatedSha256: string | null;
  record: CurationRecord | null;
}

function decisionsOf(record: CurationRecord | null): Map<string, CurationDecision> {
  return new Map(Object.entries(record?.decisions ?? {}));
}

function readRecord(curated: AnnotationFile | null, articleId: string): CurationRecord | null {
  const raw = curated?.[CURATION_FIELD];
  if (raw === undefined) return null;
  const parsed = CurationRecordSchema.safeParse(raw);
  if (!parsed.success) throw new CurationRefusedError(`The "${CURATION_FIELD}" record in the curated file is not valid (${parsed.error.issues[0].message}); it is left untouched.`, { article: articleId, reason: 'record-invalid', names: [] });
  return parsed.data;
}

async function loadCuration(root: string, confined: ConfinedArticle, chosen?: readonly string[]): Promise<LoadedCuration> {
  const articleId = confined.id;
  const articlePath = articlePathIn(root, confined);
  const article = decodeArticle((await readArticleBytes(root, articlePath)).bytes, { record: await readEncodingRecord(root, articlePath) });
  const present = await listArticleAnnotators(articlePath);
  const wanted = chosen ?? present;
  const missing = wanted.filter((name) => !present.includes(name));
  if (missing.length > 0) throw new CurationRefusedError(`No annotation file of ${missing.join(', ')} for ${articleId}.`, { article: articleId, reason: 'annotator-missing', names: missing.slice(0, 20) });
  const problems: ArticleCuration['problems'] = [];
  const usable: { annotator: string; annotations: AnnotationFile['annotations'] }[] = [];
  for (const annotator of wanted) {
    const existing = await readAnnotationFileAt(annotatorFilePath(articlePath, annotator), article, undefined, root);
    if (existing.kind === 'usable') usable.push({ annotator, annotations: existing.file.annotations });
    else problems.push(existing.kind === 'broken' ? { annotator, message: existing.problem.message, cause: existing.problem.kind } : { annotator, message: 'The file disappeared.', cause: 'missing' });
  }
  if (usable.length < 2) {
    const names = usable.map((entry) => entry.annotator);
    // Not a failure: the lead is told what to do (give the article to a second annotator), in their language.
    throw withUserProblem(new CurationRefusedError(`Curation needs two annotators' files for ${articleId}; usable: ${names.join(', ') || 'none'}.`), {
      code: 'curationNeedsAnnotators',
      article: articleId,
      usable: names.slice(0, 20),
      broken: problems.length,
    });
  }
  const curatedFile = await readAnnotationFileAt(annotationPathFor(articlePath), article, undefined, root);
  if (curatedFile.kind === 'broken') throw new CurationRefusedError(`The curated file could not be used (${curatedFile.problem.message}); it is left untouched.`, { article: articleId, reason: 'curated-broken', names: [] });
  const curated = curatedFile.kind === 'usable' ? curatedFile.file : null;
  const record = readRecord(curated, articleId);
  const listing = listDisagreements(usable);
  const decisions = decisionsOf(record);
  const groupIds = new Set(listing.groups.map((group) => group.id));
  return {
    articlePath,
    article,
    curated,
    curatedSha256: curatedFile.kind === 'usable' ? curatedFile.sha256 : null,
    record,
    view: {
      articleId,
      annotators: listing.annotators,
      listing,
      decisions: Object.fromEntries(decisions),
      undecided: listing.groups.filter((group) => !decisions.has(group.id)).map((group) => group.id),
      stale: [...decisions.keys()].filter((id) => !groupIds.has(id)),
      problems,
    },
  };
}

/** Every disagreement of an article between its annotators (all, or the ones chosen), and the decisions taken so far. */
export async function loadArticleCuration(root: string, article: ConfinedArticle, annotators?: readonly string[]): Promise<ArticleCuration> {
  return (await loadCuration(root, article, annotators)).view;
}

export interface DecisionChange {
  groupId: string;
  /** null withdraws an earlier decision. */
  decision: CurationDecision | null;
}

/** The decisions once `changes` are applied (null: undecided again); a change to an unknown group or an impossible decision is refused. */
function decisionsAfter(listing: CurationListing, previous: ReadonlyMap<string, CurationDecision>, changes: readonly DecisionChange[], articleId: string, length: number): Map<string, CurationDecision> {
  const decisions = new Map(previous);
  for (const change of changes) {
    const group = listing.groups.find((candidate) => candidate.id === change.groupId);
    if (!group) throw withUserProblem(new CurationDecisionError(`No disagreement ${change.groupId} in ${articleId} (the annotators' files may have changed; reload).`), { code: 'curationGroupGone', article: articleId });
    if (change.decision === null) {
      decisions.delete(change.groupId);
      continue;
    }
    const problem = decisionProblem(group, change.decision, length);
    if (problem) throw withUserProblem(new CurationDecisionError(problem), { code: 'curationDecisionInvalid', article: articleId });
    decisions.set(change.groupId, change.decision);
  }
  return decisions;
}

/**
 * A relation of the curated file survives only if both its ends are still the same spans under
 * the same ids: after a rebuild an id may name another annotator's span.
 */
function relationsStillBetweenSameSpans<R extends { from: string; to: string }>(relations: readonly R[], before: readonly (AgreementSpan & { id: string })[], after: readonly (AgreementSpan & { id: string })[]): R[] {
  const keyBefore = new Map(before.map((span) => [span.id, spanKey(span)]));
  const keyAfter = new Map(after.map((span) => [span.id, spanKey(span)]));
  const unchanged = (id: string): boolean => keyBefore.has(id) && keyBefore.get(id) === keyAfter.get(id);
  return relations.filter((relation) => unchanged(relation.from) && unchanged(relation.to));
}

/**
 * Records decisions and rewrites the curated file, `NAME.ann.json`, with the agreed spans and
 * the outcome of every decided group; undecided groups contribute nothing yet.
 *
 * The first curation of an article replaces what `NAME.ann.json` held, so it is refused when
 * that file has spans no annotator file has (switch the corpus to annotator files first: the
 * switch copies them there). Later, spans someone added to the curated file by hand (neither
 * in an annotator's file nor the outcome of a decision) are kept.
 */
export async function applyCurationDecisions(
  root: string,
  article: ConfinedArticle,
  changes: readonly DecisionChange[],
  options: { curator?: string; annotators?: readonly string[] } = {},
): Promise<CuratedArticle> {
  const articleId = article.id;
  const loaded = await loadCuration(root, article, options.annotators);
  const { listing } = loaded.view;
  const length = Array.from(loaded.article.text).length;
  const previousDecisions = decisionsOf(loaded.record);
  const decisions = decisionsAfter(listing, previousDecisions, changes, articleId, length);
  const result = applyCuration(listing, decisions, loaded.article.text, options.curator);
  const inAnnotatorFiles = new Set<string>(listing.agreed.map(spanKey));
  for (const group of listing.groups) for (const version of group.versions) for (const span of version.spans) inAnnotatorFiles.add(spanKey(span));
  const current = loaded.curated?.annotations ?? [];
  let handAdded = current.filter((span) => !inAnnotatorFiles.has(spanKey(span)));
  if (loaded.record === null) {
    if (handAdded.length > 0) {
      throw new SaveRefusedError(
        `${articleId}: the annotation file holds ${handAdded.length} span(s) that no annotator's file has; curating would replace them. Switch the corpus to annotator files first (it copies them), then curate.`,
      );
    }
  } else {
    const previousBuild = new Set(applyCuration(listing, new Map([...previousDecisions].filter(([id]) => listing.groups.some((group) => group.id === id))), loaded.article.text, options.curator).annotations.map(spanKey));
    handAdded = handAdded.filter((span) => !previousBuild.has(spanKey(span)));
  }
  const built = new Set(result.annotations.map(spanKey));
  const usedIds = new Set(result.annotations.map((span) => span.id));
  const kept = handAdded.filter((span) => !built.has(spanKey(span))).map((span, index) => (usedIds.has(span.id) ? { ...span, id: `${span.id}-kept${index + 1}` } : span));
  const annotations = [...result.annotations, ...kept].sort((a, b) => a.start - b.start || b.end - a.end);
  const record: CurationRecord = {
    ...loaded.record,
    annotators: listing.annotators,
    decisions: Object.fromEntries(decisions),
    ...(options.curator ? { curator: options.curator } : {}),
    updated: new Date().toISOString(),
  };
  const keptRelations = relationsStillBetweenSameSpans(loaded.curated?.relations ?? [], current, annotations);
  await saveAnnotationFileAt(annotationPathFor(loaded.articlePath), loaded.articlePath, loaded.article, {
    annotations,
    relations: keptRelations,
    extra: { [CURATION_FIELD]: record },
    // Built from the curated file as read above: if someone saved it since, nothing is written
    // (their change is kept) and the curator is asked to reload.
    expectedSha256: loaded.curatedSha256,
  });
  const groupIds = new Set(listing.groups.map((group) => group.id));
  return {
    ...loaded.view,
    decisions: Object.fromEntries(decisions),
    undecided: result.undecided,
    stale: [...decisions.keys()].filter((id) => !groupIds.has(id)),
    annotations,
  };
}
