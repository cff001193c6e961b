import type { SerializeOptions } from '../../../shared/formats/exportTypes';
import type { ArticleStatus } from '../../../shared/model/status';
import type { ListedCorpus } from '../corpus/articleFiles';

/** What an export is asked: where to, which articles, split how, and the errors a request can meet. */
export const SPLIT_PARTS = ['train', 'dev', 'test'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];

export interface ExportSplit {
  /** Shares of train, dev and test, e.g. [80, 10, 10]; any positive scale. */
  ratios: readonly [number, number, number];
  seed: number;
}

export interface ExportScope {
  /** Only these article ids (the app's "this article"). */
  articleIds?: readonly string[];
  /** Only articles with one of these statuses (the app's "articles marked done"). */
  statuses?: readonly ArticleStatus[];
}

export interface ExportCorpusOptions extends SerializeOptions {
  /**
   * Where to write: a folder, or, for a format with one main file and no split, a file path
   * ending with that format's extension (its schema files, report and manifest go beside it).
   */
  out: string;
  scope?: ExportScope;
  split?: ExportSplit;
  /** Write even when labels would be lost (the report still lists them). */
  allowLossy?: boolean;
  /** CSV: start with a UTF-8 byte-order mark so that Excel reads Persian as UTF-8 (`--excel`). */
  excel?: boolean;
  /**
   * Worker threads reading and serializing articles (default: one per core but one, up to 4,
   * for 500 articles or more: defaultExportWorkerCount). 0 does everything on the calling thread. Workers need the built
   * out/main/exportWorker.js; without it (tests running the TypeScript) the export runs here.
   */
  workers?: number;
  /**
   * (#25) The CLI's `--json` answer will hold the report (answerJsonPieces): its documents are
   * indented for it where the articles are serialized (on the worker threads), not all at the end.
   */
  jsonAnswer?: boolean;
  /** (#25) Given the corpus's walk once it is listed: the CLI's brat-orphans check takes it rather than walking the corpus again. */
  onListed?: (listed: ListedCorpus) => void;
}

export interface ExportProgress {
  phase: 'listing' | 'reading' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface UnreadableArticle {
  article: string;
  message: string;
}

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

export class ExportInputError extends Error {
  /** `corpus`: the corpus folder cannot be read; `request`: the options ask for something impossible. */
  constructor(message: string, readonly reason: 'corpus' | 'request' = 'request') {
    super(message);
    this.name = 'ExportInputError';
  }
}
