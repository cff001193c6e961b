import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, makeCorpus, openArticleNamed, type AnnotationFileOnDisk } from './fixtures';

/**
 * The relations fixture (#20) shared by the relation specs: a tag set with relation and event
 * types, an annotation file with the entities already tagged, and the gestures that link them.
 */
export const RELATIONS_TAG_SET = {
  types: [{ id: 'PER', label: { fa: 'شخص', en: 'Person' } }, { id: 'ORG', label: { fa: 'سازمان', en: 'Organization' } }, { id: 'LOC', label: { fa: 'مکان', en: 'Location' } }, { id: 'FAC', label: { fa: 'تأسیسات', en: 'Facility' } }],
  relations: [
    { id: 'member-of', label: { fa: 'عضو', en: 'Member of' }, args: [{ role: 'Member', types: ['PER'] }, { role: 'Group', types: ['ORG'] }] },
    { id: 'cites', label: { fa: 'نقل از', en: 'Cites' }, args: [{ role: 'Source', types: ['ORG'] }, { role: 'Cited', types: ['ORG'] }] },
    { id: 'located-in', label: { fa: 'واقع در', en: 'Located in' }, args: [{ role: 'Thing', types: ['<ENTITY>'] }, { role: 'Place', types: ['LOC'] }] },
  ],
  events: [
    {
      id: 'Attack',
      label: { fa: 'حمله', en: 'Attack' },
      color: '#c0392b',
      roles: [{ role: 'Attacker', types: ['PER', 'ORG'] }, { role: 'Target', types: ['FAC', 'ORG'], cardinality: { min: 0, max: null } }, { role: 'Place', types: ['LOC'], cardinality: { min: 0, max: 1 } }],
    },
  ],
};

/** An entity of the article: its id, type and text (the first occurrence of the text is tagged). */
export type FixtureEntity = [id: string, type: string, text: string];
export interface FixtureRelation {
  id: string;
  type: string;
  from: string;
  to: string;
}

/** The native annotation file of `article`: the entities, an event's roles by annotation id, the relations. */
export function relationsAnnotationFile(article: string, text: string, entities: readonly FixtureEntity[], extra: { roles?: Record<string, { role: string; target: string }[]>; relations?: FixtureRelation[] } = {}): string {
  const annotations = entities.map(([id, type, entityText]) => {
    const start = Array.from(text.slice(0, text.indexOf(entityText))).length;
    const annotation = { id, type, start, end: start + Array.from(entityText).length, text: entityText };
    const roles = extra.roles?.[id];
    return roles ? { ...annotation, roles } : annotation;
  });
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: article, sha256: createHash('sha256').update(text).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
    status: 'in-progress',
    annotations,
    relations: extra.relations ?? [],
    labels: [],
  });
}

type Launch = (options: { corpus: string; locale?: string; viewport?: { width: number; height: number } }) => Promise<{ page: Page }>;

/** A corpus of the one article with its annotation file and the relations tag set, opened on the article. */
export async function openRelationsCorpus(launch: Launch, files: { article: string; text: string; annotations: string }, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; corpus: string }> {
  const annotationName = files.article.replace(/\.txt$/, '.ann.json');
  const corpus = await makeCorpus({ [files.article]: files.text, [annotationName]: files.annotations, 'hashiye.json': JSON.stringify(RELATIONS_TAG_SET) });
  const { page } = await launch({ corpus, ...options });
  await openArticleNamed(page, files.article);
  await expect(page.locator('[data-annotation-id]').first()).toBeVisible();
  return { page, corpus };
}

export const mark = (page: Page, id: string) => page.locator(`mark[data-annotation-id="${id}"]`).first();

/** The middle of an annotation's first highlight box (the article's paragraph takes the pointer at the box's edge). */
export async function markCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  await mark(page, id).scrollIntoViewIfNeeded();
  return mark(page, id).evaluate((element) => {
    const rect = element.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
}

export async function clickMark(page: Page, id: string): Promise<void> {
  const centre = await markCentre(page, id);
  await page.mouse.click(centre.x, centre.y);
}

export const arc = (page: Page, id: string) => page.locator(`[data-relation-id="${id}"]`);

/** Selects `fromId`, presses R, clicks `toId`, and chooses the relation type `choice`. */
export async function linkByClick(page: Page, fromId: string, toId: string, choice: string): Promise<void> {
  await clickMark(page, fromId);
  await page.keyboard.press('KeyR');
  await clickMark(page, toId);
  const chooser = page.getByTestId('relation-chooser');
  await expect(chooser).toBeVisible();
  await chooser.locator(`[data-choice="${choice}"]`).click();
  await expect(chooser).toBeHidden();
}

export function relationsOnDisk(file: AnnotationFileOnDisk): FixtureRelation[] {
  return (file.relations ?? []) as FixtureRelation[];
}
