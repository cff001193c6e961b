import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { annotationFileOf } from '../../../shared/model/readAnnotationFile';
import type { OrderedSpan } from '../../../shared/model/annotationOperations';
import { loadedInReadingOrder } from '../../../shared/model/readingOrder';
import { annotationShapeProblem, INPUT_LIMITS, readAnnotationBytesWithinSize, type InputLimits } from '../corpus/inputLimits';
import { annotationPathFor, loadAnnotations, type LoadedAnnotations } from '../storage/annotationStore';
import { readAnnotationJsonHead } from '../storage/annotationJson/annotationJsonHead';
import { jsonStartOf } from '../storage/annotationJson/slicedAnnotationJson';
import { writeAccessRefusal } from '../storage/writeAccess';
import { writtenAnnotationFileFor } from '../storage/writtenAnnotationFile';
import type { DecodedArticle } from './articleDecoder';

/**
 * (#17) The first page of a big annotation file, read before the whole file is parsed: the
 * window shows the article from it (not editable) while main parses, checks and sorts the whole
 * list. Parsing 39 MB of JSON for 100,000 annotations is most of opening such an article; the
 * skeleton and the first page's elements are a fraction of it.
 *
 * Only for a file that opening would leave as it is and send as it is: read within the limits
 * from inside the corpus, UTF-8, within the shape limits, made for these very bytes of the
 * article (no re-anchoring), writable, its annotations in order of their start (as Hashiye
 * saves them) at least as far as the first page and a little beyond, that page usable on its own
 * (offsets fit the text, no duplicate ids, no relation to an annotation beyond the page). Any
 * other file gives null, and is opened the usual way. Even so, this is only a preview: whoever
 * sends it compares it with what the whole file gives (see earlyFirstPage.ts).
 */
export interface AnnotationFilePreview {
  /** The file's document fields, its annotations the first `pageSize` of the file's (as loadAnnotations gives them). */
  loaded: LoadedAnnotations;
  /** How many annotations the whole file holds. */
  total: number;
}

/** Annotations read past the page: the page's last start must come before theirs (see firstPageByStart). */
const LOOK_AHEAD = 256;

/**
 * The first `pageSize` annotations in reading order, of a file whose annotations are in order of
 * their start (as Hashiye writes them: in reading order): those read, sorted, when the last one
 * read starts after the page's last (any later one in the file starts after it too). Null when
 * the annotations read are not in order of their start.
 */
function firstPageByStart<Annotation extends OrderedSpan>(annotations: Annotation[], pageSize: number): Annotation[] | null {
  for (let index = 1; index < annotations.length; index++) if (annotations[index].start < annotations[index - 1].start) return null;
  const page = loadedInReadingOrder(annotations).annotations.slice(0, pageSize);
  return page[page.length - 1].start < annotations[annotations.length - 1].start ? page : null;
}

/** `moreThan`: a file holding no more annotations than this gives null (sent whole). */
export async function previewAnnotationFile(articlePath: string, article: DecodedArticle, pageSize: number, limits: InputLimits = INPUT_LIMITS, root?: string, moreThan = 0): Promise<AnnotationFilePreview | null> {
  const annotationPath = annotationPathFor(articlePath);
  const sized = await readAnnotationBytesWithinSize(annotationPath, limits, root);
  // A file this process knows (it wrote or opened it) is opened from memory at once anyway.
  if (sized.kind !== 'bytes' || writtenAnnotationFileFor(annotationPath, sized.bytes) !== null || !isUtf8(sized.bytes)) return null;
  const { bytes } = sized;
  const head = await readAnnotationJsonHead(bytes, jsonStartOf(bytes), pageSize + LOOK_AHEAD);
  // A file with no more than a page (or than `moreThan`) is sent whole, as it always was.
  if (head === undefined || head.total <= Math.max(pageSize + LOOK_AHEAD, moreThan)) return null;
  if (annotationShapeProblem(path.basename(annotationPath), head.shape, limits) !== null) return null;
  const parsed = annotationFileOf(head.value);
  if (!parsed.ok || parsed.file.source.sha256 !== article.sha256) return null;
  const page = firstPageByStart(parsed.file.annotations, pageSize);
  if (page === null) return null;
  const loaded = await loadAnnotations(articlePath, article, { kind: 'parsed', parsed: { ...parsed, file: { ...parsed.file, annotations: page } } });
  if (loaded.problem !== null || (await writeAccessRefusal(annotationPath)) !== null) return null;
  return { loaded, total: head.total };
}
