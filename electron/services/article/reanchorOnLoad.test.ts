import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { annotationPathFor, loadAnnotations, saveAnnotations } from '../storage/annotationStore';
import { decodeArticle, type DecodedArticle } from './articleDecoder';
import { reanchorOnLoad } from './reanchorOnLoad';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

async function articleIn(text: string | Buffer): Promise<{ articlePath: string; article: DecodedArticle }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-reanchor-'));
  folders.push(folder);
  const articlePath = path.join(folder, 'خبر.txt');
  await fs.writeFile(articlePath, text);
  return { articlePath, article: decodeArticle(await fs.readFile(articlePath)) };
}

async function rewrite(articlePath: string, text: string | Buffer): Promise<DecodedArticle> {
  await fs.writeFile(articlePath, text);
  return decodeArticle(await fs.readFile(articlePath));
}

function spanOf(text: string, needle: string, id: string, type: string): StoredAnnotation {
  const index = text.indexOf(needle);
  const start = Array.from(text.slice(0, index)).length;
  return { id, type, start, end: start + Array.from(needle).length, text: needle };
}

const ORIGINAL = '😀 سرلشکر باقری رئیس ستاد کل نیروهای مسلح امروز در دمشق با همتای سوری دیدار کرد.\nاو گفت که داعش شکست خورده است.\n';

describe('reanchorOnLoad', () => {
  it('does nothing when the article is unchanged, has no annotation file, or the file does not parse', async () => {
    const { articlePath, article } = await articleIn(ORIGINAL);
    expect(await reanchorOnLoad(articlePath, article, { write: true })).toBeNull();
    await saveAnnotations(articlePath, article, { status: 'in-progress', annotations: [spanOf(ORIGINAL, 'باقری', 'a1', 'PER')], relations: [], labels: [] });
    expect(await reanchorOnLoad(articlePath, article, { write: true })).toBeNull();
    await fs.writeFile(annotationPathFor(articlePath), '{ broken');
    const changed = await rewrite(articlePath, `x${ORIGINAL}`);
    expect(await reanchorOnLoad(articlePath, changed, { write: true })).toBeNull();
    expect(await fs.readFile(annotationPathFor(articlePath), 'utf8')).toBe('{ broken');
  });

  it('leaves a file that is not UTF-8 alone: re-anchoring it would write U+FFFD over its stray bytes', async () => {
    const { articlePath, article } = await articleIn(ORIGINAL);
    await saveAnnotations(articlePath, article, { status: 'in-progress', annotations: [spanOf(ORIGINAL, 'باقری', 'a1', 'PER')], relations: [], labels: [] });
    const json = await fs.readFile(annotationPathFor(articlePath), 'utf8');
    const bytes = strayByteIn(json);
    await fs.writeFile(annotationPathFor(articlePath), bytes);
    const changed = await rewrite(articlePath, `x${ORIGINAL}`);
    expect(await reanchorOnLoad(articlePath, changed, { write: true })).toBeNull();
    expect(await fs.readFile(annotationPathFor(articlePath))).toEqual(bytes);
  });

  it('moves annotations with their words, keeps orphans in the file, and brings them back later', async () => {
    const { articlePath, article } = await articleIn(ORIGINAL);
    const annotations = [
      spanOf(ORIGINAL, 'سرلشکر باقری', 'a1', 'PER'),
      spanOf(ORIGINAL, 'ستاد کل نیروهای مسلح', 'a2', 'ORG'),
      spanOf(ORIGINAL, 'دمشق', 'a3', 'LOC'),
      spanOf(ORIGINAL, 'داعش', 'a4', 'ORG'),
    ];
    await saveAnnotations(articlePath, article, {
      status: 'in-progress',
      annotations,
      relations: [{ id: 'r1', type: 'member', from: 'a1', to: 'a2' }],
      labels: ['politics'],
    });
    const savedJson = await fs.readFile(annotationPathFor(articlePath), 'utf8');

    // Re-scraped: a headline inserted before everything (CRLF now), «دمشق» gone, «داعش» respelled.
    const changedText = `تیتر: دیدار در سوریه 🇸🇾\r\n${ORIGINAL.replace('در دمشق ', '').replace('داعش', 'داعش‌ها').replace(/\n/g, '\r\n')}`;
    const changed = await rewrite(articlePath, changedText);
    const outcome = await reanchorOnLoad(articlePath, changed, { write: true });
    expect(outcome).not.toBeNull();
    if (!outcome) return;
    const shift = Array.from('تیتر: دیدار در سوریه 🇸🇾\n').length;
    const byId = new Map(outcome.file.annotations.map((annotation) => [annotation.id, annotation]));
    expect(byId.get('a1')).toMatchObject({ start: annotations[0].start + shift, text: 'سرلشکر باقری' });
    expect(byId.get('a2')).toMatchObject({ start: annotations[1].start + shift, text: 'ستاد کل نیروهای مسلح' });
    expect(byId.get('a4')?.text).toBe('داعش');
    expect(byId.has('a3')).toBe(false);
    expect(outcome.report.changes.map((change) => [change.id, change.status])).toEqual([['a1', 'moved'], ['a2', 'moved'], ['a3', 'orphan'], ['a4', 'moved']]);
    expect(outcome.report.orphans.map((orphan) => orphan.id)).toEqual(['a3']);

    // Written at once, the previous version kept; the file now loads cleanly against the new text.
    expect(await fs.readFile(`${annotationPathFor(articlePath)}.bak`, 'utf8')).toBe(savedJson);
    const onDisk = parseAnnotationFile(await fs.readFile(annotationPathFor(articlePath), 'utf8'));
    expect(onDisk.ok && onDisk.file.source.sha256).toBe(changed.sha256);
    const loaded = await loadAnnotations(articlePath, changed);
    expect(loaded.problem).toBeNull();
    expect(loaded.annotations.map((annotation) => annotation.id)).toEqual(['a1', 'a2', 'a4']);
    expect(loaded.relations).toEqual([{ id: 'r1', type: 'member', from: 'a1', to: 'a2' }]);
    const orphans = (onDisk.ok ? (onDisk.file as Record<string, unknown>).orphans : null) as StoredAnnotation[];
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ id: 'a3', type: 'LOC', text: 'دمشق', start: annotations[2].start, orphan: { sourceSha256: article.sha256 } });

    // A save by the user keeps the orphans (unknown top-level fields survive saveAnnotations).
    await saveAnnotations(articlePath, changed, { status: 'in-progress', annotations: loaded.annotations, relations: loaded.relations, labels: loaded.labels });
    const afterSave = JSON.parse(await fs.readFile(annotationPathFor(articlePath), 'utf8')) as { orphans: unknown[] };
    expect(afterSave.orphans).toEqual(orphans);

    // The article is corrected again, «در دمشق» is back: the orphan returns to its place.
    const restored = await rewrite(articlePath, ORIGINAL);
    const second = await reanchorOnLoad(articlePath, restored, { write: true });
    expect(second?.report.changes.find((change) => change.id === 'a3')).toMatchObject({ status: 'recovered', newStart: annotations[2].start });
    expect(second?.report.orphans).toEqual([]);
    const final = JSON.parse(await fs.readFile(annotationPathFor(articlePath), 'utf8')) as Record<string, unknown> & { annotations: StoredAnnotation[] };
    expect('orphans' in final).toBe(false);
    expect(final.annotations.find((annotation) => annotation.id === 'a3')).toMatchObject({ start: annotations[2].start, end: annotations[2].end, text: 'دمشق' });
    expect(final.annotations.find((annotation) => annotation.id === 'a3')).not.toHaveProperty('orphan');
  });

  it('re-anchors a discontinuous annotation fragment by fragment', async () => {
    const text = 'ستاد کل (ارتش) نیروهای مسلح بیانیه داد.';
    const { articlePath, article } = await articleIn(text);
    const first = spanOf(text, 'ستاد کل', 'x', 'ORG');
    const second = spanOf(text, 'نیروهای مسلح', 'x', 'ORG');
    await saveAnnotations(articlePath, article, {
      status: 'in-progress',
      annotations: [{ id: 'd1', type: 'ORG', start: first.start, end: second.end, text: 'ستاد کل نیروهای مسلح', fragments: [{ start: first.start, end: first.end }, { start: second.start, end: second.end }] }],
      relations: [],
      labels: [],
    });
    const changed = await rewrite(articlePath, `امروز ${text}`);
    const outcome = await reanchorOnLoad(articlePath, changed, { write: false });
    expect(outcome?.written).toBeNull();
    expect(outcome?.file.annotations[0]).toMatchObject({
      start: first.start + 6,
      end: second.end + 6,
      fragments: [{ start: first.start + 6, end: first.end + 6 }, { start: second.start + 6, end: second.end + 6 }],
      text: 'ستاد کل نیروهای مسلح',
    });
  });

  it('re-anchors an article that was re-saved as Windows-1256', async () => {
    const text = 'علي به تهران رفت و با رئيس جمهور ديدار کرد.';
    const { articlePath, article } = await articleIn(text);
    await saveAnnotations(articlePath, article, { status: 'new', annotations: [spanOf(text, 'تهران', 't', 'LOC')], relations: [], labels: [] });
    const iconv = (await import('iconv-lite')).default;
    const changed = await rewrite(articlePath, iconv.encode(`خبر: ${text}`, 'windows-1256'));
    expect(changed.encoding).toBe('windows-1256');
    const outcome = await reanchorOnLoad(articlePath, changed, { write: true });
    expect(outcome?.file.annotations[0]).toMatchObject({ start: 12, end: 17, text: 'تهران' });
    expect(outcome?.file.source.encoding).toBe('windows-1256');
  });
});

/** The file's JSON with one more field whose string holds a byte that is not UTF-8: valid JSON to a lenient reader. */
function strayByteIn(json: string): Buffer {
  const at = json.indexOf('"in-progress"') + '"in-progress"'.length;
  return Buffer.concat([Buffer.from(`${json.slice(0, at)}, "x": "`, 'utf8'), Buffer.from([0xff]), Buffer.from(`"${json.slice(at)}`, 'utf8')]);
}
