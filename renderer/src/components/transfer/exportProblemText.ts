import type { ProblemKind } from '../../../../shared/formats/exportTypes';
import { fillTemplate } from '../../i18n/template';
import { transferTexts } from './transferText';
import type { UiLanguage } from '../../i18n/messages';

/**
 * What each kind of export problem means, in the user's language: the export report lists them
 * by kind (shared/formats/exportTypes.ts), with the kind's parameters where main sends them.
 * Typed by kind: a kind added to the engine without its words here does not compile.
 */
export const exportProblemWords: Record<UiLanguage, Record<ProblemKind, string>> = {
  en: {
    'text-mismatch': 'its text no longer matches the article',
    'out-of-range': 'it points outside the article’s text',
    'empty-span': 'it covers no text',
    overlap: 'it overlaps another annotation, which this format cannot hold',
    'not-on-token-edge': 'it does not start or end on a word boundary',
    discontinuous: 'it is in several pieces, which this format cannot hold',
    'crosses-line': 'it crosses a line end',
    'type-renamed': 'its type was renamed to fit the format',
    'relation-dangling': 'a relation points at an annotation that is not exported',
    'relations-omitted': 'this format has no place for relations',
    'events-omitted': 'this format has no place for events (the roles of a trigger)',
    'notes-omitted': 'this format has no place for notes',
    'attributes-omitted': 'this format has no place for attributes',
    'token-text-changed': 'a word was written differently to fit the format',
    'note-flattened': 'a note was written on one line',
    'tokens-invalid': 'the words of the article could not be used as tokens',
    'source-line': 'a line of the source',
  },
  fa: {
    'text-mismatch': 'متن آن دیگر با مقاله نمی‌خواند',
    'out-of-range': 'به بیرون از متن مقاله اشاره می‌کند',
    'empty-span': 'هیچ متنی را در بر نمی‌گیرد',
    overlap: 'با حاشیه‌نویسی دیگری هم‌پوشانی دارد که این قالب نمی‌تواند نگه دارد',
    'not-on-token-edge': 'روی مرز واژه آغاز یا پایان نمی‌یابد',
    discontinuous: 'چندتکه است و این قالب نمی‌تواند آن را نگه دارد',
    'crosses-line': 'از پایان سطر می‌گذرد',
    'type-renamed': 'نوع آن برای جا شدن در قالب تغییر نام داد',
    'relation-dangling': 'رابطه‌ای به حاشیه‌نویسی‌ای اشاره می‌کند که برون‌بری نمی‌شود',
    'relations-omitted': 'این قالب جایی برای رابطه‌ها ندارد',
    'events-omitted': 'این قالب جایی برای رویدادها (نقش‌های یک رویداد) ندارد',
    'notes-omitted': 'این قالب جایی برای یادداشت‌ها ندارد',
    'attributes-omitted': 'این قالب جایی برای ویژگی‌ها ندارد',
    'token-text-changed': 'واژه‌ای برای جا شدن در قالب به شکل دیگری نوشته شد',
    'note-flattened': 'یادداشتی در یک سطر نوشته شد',
    'tokens-invalid': 'واژه‌های مقاله را نمی‌توان به‌عنوان توکن به کار برد',
    'source-line': 'سطری از منبع',
  },
};

/** The kinds whose report line says more when main sends their parameters (the format, the span overlapped, the pieces). */
type DetailedKind = 'overlap' | 'empty-span' | 'not-on-token-edge' | 'discontinuous';

/**
 * The same problems with their parameters: the span overlapped by its text and type, the
 * format by its name. Filled with fillTemplate, so names and numbers are isolated and in the
 * language's digits.
 */
export const exportProblemDetails: Record<UiLanguage, Record<DetailedKind, string>> = {
  en: {
    overlap: 'it overlaps «{otherText}» ({otherType}); {format} gives each word one tag, so the earlier, longer span is kept',
    'empty-span': 'it covers no word; {format} tags words, so it is not exported',
    'not-on-token-edge': 'it starts or ends inside a word of the source; {format} tags the whole word',
    discontinuous: 'it is in {pieces} pieces; {format} has no fragments, so each piece is written as a span of its own',
  },
  fa: {
    overlap: 'با «{otherText}» ({otherType}) هم‌پوشانی دارد؛ {format} به هر واژه یک برچسب می‌دهد، پس بازهٔ زودتر و بلندتر نگه داشته شد',
    'empty-span': 'هیچ واژه‌ای را در بر نمی‌گیرد؛ {format} به واژه‌ها برچسب می‌زند، پس برون‌بری نشد',
    'not-on-token-edge': 'درون واژه‌ای از منبع آغاز یا پایان می‌یابد؛ {format} کل واژه را برچسب می‌زند',
    discontinuous: '{pieces} تکه است؛ {format} بازهٔ چندتکه ندارد، پس هر تکه جداگانه نوشته شد',
  },
};

/** Parameters a coded problem may carry (shared/formats/exportTypes.ts ProblemParams). */
interface ProblemParamsSeen {
  format?: string;
  other?: { text: string; type: string };
  pieces?: number;
}

function isDetailedKind(kind: ProblemKind): kind is DetailedKind {
  return Object.hasOwn(exportProblemDetails.en, kind);
}

/** The detailed words when the problem carries what its template needs, else the kind's plain words. */
function problemWords(kind: ProblemKind, params: ProblemParamsSeen | undefined, language: UiLanguage, typeLabel: (type: string) => string): string {
  const plain = exportProblemWords[language][kind];
  if (!params?.format || !isDetailedKind(kind)) return plain;
  if (kind === 'overlap' && !params.other) return plain;
  if (kind === 'discontinuous' && params.pieces === undefined) return plain;
  const values = {
    format: params.format,
    ...(params.other ? { otherText: params.other.text, otherType: typeLabel(params.other.type) } : {}),
    ...(params.pieces !== undefined ? { pieces: params.pieces } : {}),
  };
  return fillTemplate(exportProblemDetails[language][kind], values, language);
}

function isKind(kind: string): kind is ProblemKind {
  return Object.hasOwn(exportProblemWords.en, kind);
}

/**
 * The problem in the user's language, naming the span by its text and type (the type in the
 * user's words), never by its internal id; null for a kind this window does not know.
 */
export function exportProblemText(
  problem: { kind: string; annotation?: string; span?: { text: string; type: string }; params?: ProblemParamsSeen },
  language: UiLanguage,
  typeLabel: (type: string) => string,
): string | null {
  if (!isKind(problem.kind)) return null;
  const said = problemWords(problem.kind, problem.params, language, typeLabel);
  if (!problem.span) return said;
  const key = problem.kind === 'relation-dangling' ? 'problemOnRelation' : 'problemOnSpan';
  return fillTemplate(transferTexts[language][key], { text: problem.span.text, type: typeLabel(problem.span.type), said }, language);
}
