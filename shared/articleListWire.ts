/**
 * (#25) How a corpus listing's articles cross from main to the window: in columns, not as an
 * object per article. 10,000 articles were 2.2 MB of JSON, eight keys an article, which the window
 * took longer to receive and parse than main took to list them; Electron's structured clone (and
 * the preload's copy into the page) walk every one of those objects. In columns the same listing
 * is a few arrays of strings and numbers, a fifth of the size. It is a transport form only: main
 * packs what the contract's schema checked (shared/ipc.ts), and the window's api() unpacks it
 * before any code sees it, so both sides work with `ArticleEntry[]` (renderer/src/api.ts).
 */
import type { ArticleEntry, Corpus } from './corpusWire';
import type { Channel, EventChannel } from './ipc';
import { ARTICLE_STATUSES } from './articleStatuses';

export const ARTICLE_COLUMNS_FORM = 'article-columns-1';

/** The fields of an entry the columns do not carry, for the few entries that have any (a problem, a name the id does not give...). */
type EntryExtras = Partial<Omit<ArticleEntry, 'id' | 'status' | 'annotationCount' | 'tags' | 'assignee' | 'statusPending'>>;

export interface ArticleColumns {
  form: typeof ARTICLE_COLUMNS_FORM;
  ids: string[];
  /** A character an article: its status's index in ARTICLE_STATUSES, twice, plus one when its status is pending. */
  statuses: string;
  counts: number[];
  /** The distinct tag lists, and each article's index into them. */
  tagLists: string[][];
  tagList: number[];
  /** The distinct assignees; each article's is 0 (none given), 1 (null) or 2 + its index. */
  assignees: string[];
  assignee: number[];
  /** By article index: what the columns do not carry. Nearly always empty (`problem` is null in the columns). */
  extras: [index: number, fields: EntryExtras][];
}

const STATUSES = ARTICLE_STATUSES;
const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, index) => [status, index]));
const STATUS_BASE = 48; // '0'

/** Name and folder as the listing gives them from an id (`part/a.txt` → `a.txt`, `part`). */
function nameOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function folderOf(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash === -1 ? '' : id.slice(0, slash);
}

/** Keys every entry has, carried by the columns (`name`, `folder` and `problem` only when they are what the columns assume). */
const COLUMN_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'folder', 'status', 'annotationCount', 'tags', 'problem', 'assignee', 'statusPending']);

/** What of `entry` the columns do not carry, or null when they carry it all. */
function extrasOf(entry: ArticleEntry): EntryExtras | null {
  let extras: Record<string, unknown> | null = null;
  const add = (key: string, value: unknown) => {
    extras ??= {};
    extras[key] = value;
  };
  if (entry.name !== nameOf(entry.id)) add('name', entry.name);
  if (entry.folder !== folderOf(entry.id)) add('folder', entry.folder);
  if (entry.problem !== null) add('problem', entry.problem);
  for (const key in entry) if (!COLUMN_KEYS.has(key)) add(key, entry[key as keyof ArticleEntry]);
  return extras;
}

/** An index into `table`, adding `value` to it the first time (by `key`). */
function indexIn<T>(table: T[], indexes: Map<string, number>, key: string, value: T): number {
  let index = indexes.get(key);
  if (index === undefined) {
    index = table.push(value) - 1;
    indexes.set(key, index);
  }
  return index;
}

export function packArticles(entries: readonly ArticleEntry[]): ArticleColumns {
  const packed: ArticleColumns = { form: ARTICLE_COLUMNS_FORM, ids: [], statuses: '', counts: [], tagLists: [], tagList: [], assignees: [], assignee: [], extras: [] };
  const tagListIndex = new Map<string, number>();
  const assigneeIndex = new Map<string, number>();
  const statusCodes: number[] = [];
  entries.forEach((entry, index) => {
    packed.ids.push(entry.id);
    statusCodes.push(STATUS_BASE + 2 * (STATUS_INDEX.get(entry.status) ?? 0) + (entry.statusPending === true ? 1 : 0));
    packed.counts.push(entry.annotationCount);
    // Keyed by its JSON: a tag read from a file may hold any character.
    packed.tagList.push(indexIn(packed.tagLists, tagListIndex, JSON.stringify(entry.tags), [...entry.tags]));
    packed.assignee.push(entry.assignee === undefined ? 0 : entry.assignee === null ? 1 : 2 + indexIn(packed.assignees, assigneeIndex, entry.assignee, entry.assignee));
    const extras = extrasOf(entry);
    if (extras !== null) packed.extras.push([index, extras]);
  });
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let from = 0; from < statusCodes.length; from += 8192) packed.statuses += String.fromCharCode(...statusCodes.slice(from, from + 8192));
  return packed;
}

/** The extras of the columns by article index, for unpackArticleAt. */
export function extrasByIndex(packed: ArticleColumns): ReadonlyMap<number, EntryExtras> {
  return new Map(packed.extras);
}

/**
 * The entry at `index`, a plain literal with the keys the scanner gives (extras last). (#25,
 * session 15) One at a time for the listing cache, which needs only the entries it finds unchanged,
 * and those after main has answered the window.
 */
export function unpackArticleAt(packed: ArticleColumns, extras: ReadonlyMap<number, EntryExtras>, index: number): ArticleEntry {
  const id = packed.ids[index];
  const code = packed.statuses.charCodeAt(index) - STATUS_BASE;
  const tags = packed.tagLists[packed.tagList[index]].slice();
  const entry: ArticleEntry = { id, name: nameOf(id), folder: folderOf(id), status: STATUSES[code >> 1], annotationCount: packed.counts[index], tags, problem: null };
  const assignee = packed.assignee[index];
  if (assignee !== 0) entry.assignee = assignee === 1 ? null : packed.assignees[assignee - 2];
  const more = extras.get(index);
  if (more !== undefined) Object.assign(entry, more);
  if ((code & 1) === 1) entry.statusPending = true;
  return entry;
}

/** The entries again, each as unpackArticleAt gives it. */
export function unpackArticles(packed: ArticleColumns): ArticleEntry[] {
  const extras = extrasByIndex(packed);
  return packed.ids.map((_id, index) => unpackArticleAt(packed, extras, index));
}

export function isArticleColumns(value: unknown): value is ArticleColumns {
  return typeof value === 'object' && value !== null && (value as { form?: unknown }).form === ARTICLE_COLUMNS_FORM;
}

/**
 * Where a corpus listing sits in what a channel answers or an event carries: the whole payload
 * (a Corpus, or null) or its `corpus` field. corpusListingPlaces.test.ts finds every CorpusSchema
 * of the contract and checks it is named here.
 */
export const CORPUS_LISTING_PLACES: Readonly<Partial<Record<Channel | EventChannel, 'whole' | 'corpus'>>> = {
  'app.init': 'corpus',
  'corpus.openDialog': 'whole',
  'corpus.refresh': 'whole',
  'corpus.openDropped': 'corpus',
  'corpus.confirmSwitch': 'whole',
  'tagset.save': 'corpus',
  'tagset.saveDimensions': 'corpus',
  'corpus.changed': 'whole',
  'corpus.listChanged': 'whole',
};

type WireCorpus = Omit<Corpus, 'articles'> & { articles: ArticleColumns | Corpus['articles'] };

/** The payload with its corpus's `articles` replaced by `convert`'s result (a new object; the payload itself is left alone). */
function withArticles(channel: string, payload: unknown, convert: (articles: unknown) => unknown): unknown {
  const place = CORPUS_LISTING_PLACES[channel as Channel | EventChannel];
  if (place === undefined || typeof payload !== 'object' || payload === null) return payload;
  const replaced = (corpus: unknown) => {
    if (typeof corpus !== 'object' || corpus === null || !('articles' in corpus)) return corpus;
    const { articles } = corpus as WireCorpus;
    const converted = convert(articles);
    return converted === articles ? corpus : { ...corpus, articles: converted };
  };
  if (place === 'whole') return replaced(payload);
  const corpus = (payload as { corpus?: unknown }).corpus;
  const converted = replaced(corpus);
  return converted === corpus ? payload : { ...payload, corpus: converted };
}

/** What main sends for a channel's answer or an event: any corpus listing in it packed in columns. */
export function packCorpusListing(channel: string, payload: unknown): unknown {
  return withArticles(channel, payload, (articles) => (Array.isArray(articles) ? packArticles(articles as ArticleEntry[]) : articles));
}

/** What the window takes from main: a corpus listing in columns unpacked (anything else as it came). */
export function unpackCorpusListing(channel: string, payload: unknown): unknown {
  return withArticles(channel, payload, (articles) => (isArticleColumns(articles) ? unpackArticles(articles) : articles));
}
