import { documentOutput } from './checkedSpans';
import type { DocumentOutput, ExportDocument, ExportFile, ExportProblem, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';
import { serializeWith } from './serializeWith';
import { tagForTokenFormat } from './tokenTagging';
import { CONLL_DOCSTART, conllChunkBytes, unsafeTokenProblem } from './conllBytes';

export { CONLL_DOCSTART };
const TITLE = 'CoNLL';

/** Tab and line ends are the format's own separators; a source token holding one would break the file. */
function safeToken(token: string, problems: ExportProblem[]): string {
  if (!/[\t\r\n]/.test(token)) return token;
  problems.push(unsafeTokenProblem(token));
  return token.replace(/[\t\r\n]/g, ' ');
}

function serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput {
  const { checked, tagged, problems } = tagForTokenFormat(document, options, TITLE);
  const { text } = document;
  const { boundaries, tags, sentenceBreaks } = tagged;
  // Only source tokens can hold a tab or line end; the project's tokens never hold whitespace.
  const fromSource = document.tokens !== undefined && document.tokens.length > 0;
  // (#25) Asked for bytes (an export joining the chunks' bytes): written from the text's own UTF-8.
  if (options.utf8Chunks === true) {
    const chunkBytes = conllChunkBytes(text, tagged, fromSource, problems);
    return { ...documentOutput(checked, { chunk: '', problems, written: tagged.written, writesRelations: false }), chunkBytes };
  }
  // (#25) Written straight from the tokens' offsets and tags, a blank line before each sentence
  // break and after the last sentence; parts joined once: one flat string per article.
  const parts: string[] = [`${CONLL_DOCSTART}\tO\n\n`];
  let nextBreak = 0;
  for (let token = 0; token < tags.length; token++) {
    if (nextBreak < sentenceBreaks.length && sentenceBreaks[nextBreak] === token) {
      nextBreak++;
      parts.push('\n');
    }
    const tokenText = text.slice(boundaries[token * 2], boundaries[token * 2 + 1]);
    parts.push(fromSource ? safeToken(tokenText, problems) : tokenText, '\t', tags[token], '\n');
  }
  if (tags.length > 0) parts.push('\n');
  const chunk = parts.join('');
  return documentOutput(checked, { chunk, problems, written: tagged.written, writesRelations: false });
}

function finish(outputs: readonly DocumentOutput[]): ExportFile[] {
  return [{ path: 'corpus.conll', content: outputs.map((output) => output.chunk).join(''), role: 'main' }];
}

export const conllFormat: FormatSerializer = {
  id: 'conll',
  title: TITLE,
  mainExtension: '.conll',
  offsetUnit: 'token',
  serializeDocument,
  finish,
  mainFileIsChunks: true,
};

/** CoNLL: one `token TAB tag` per line, a blank line after each sentence, `-DOCSTART-` before each document. */
export function serializeConll(documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(conllFormat, documents, options);
}
