// @vitest-environment jsdom
import { createElement, type ReactElement } from 'react';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../../../shared/text/paragraphs';
import { chunkParagraphs } from '../../../../../shared/text/paragraphChunks';
import { piecesOf } from '../../../store/paragraphSlices';
import { articleChunks, CHUNK_GROUP_CLASS, CHUNKS_PER_GROUP, chunkIndexOf, clearSkippable, markSkippable, SKIPPABLE_GROUP_CLASS } from './articleChunks';
import { chunkElementsFrom, chunkGroupsFrom, newChunkElementCache } from './chunkElementCache';
import { farChunkElements } from './farChunkElements';
import { estimatedHeightEm, paragraphChunkElement } from './ParagraphChunkView';

const TEXT = Array.from({ length: 12 }, (_, index) => `بند ${index} از متن.`).join('\n');
const pieces = piecesOf(splitParagraphs(TEXT));
// Three paragraphs a chunk: four chunks.
const chunks = chunkParagraphs(pieces, { characters: 4_000, paragraphs: 3, charactersPerLine: 80 });
const inputs = { pieces, text: TEXT, appearance: () => ({ color: '#f00', label: 'Person' }) };
const nearOnly = (near: readonly number[]) => (index: number) => near.includes(index);

afterEach(cleanup);

const groupsPage = (elements: ReactElement[]) => createElement('div', null, ...elements);
const chunksIn = (page: HTMLElement) => Array.from({ length: articleChunks(page).length }, (_, index) => articleChunks(page).at(index));

describe('the chunks drawn as elements (#25 heap)', () => {
  it('gives a chunk never drawn near no React element, and a chunk drawn near one that stays, the same while its nearness is', () => {
    expect(chunks).toHaveLength(4);
    const cache = newChunkElementCache(chunks, inputs);
    const first = chunkElementsFrom(cache, 4, nearOnly([1]));
    expect(first.map((element) => element !== null)).toEqual([false, true, false, false]);
    const again = chunkElementsFrom(cache, 4, nearOnly([1]));
    again.forEach((element, index) => expect(element).toBe(first[index]));
    const moved = chunkElementsFrom(cache, 4, nearOnly([2]));
    expect(moved[0]).toBeNull();
    expect(moved[3]).toBeNull();
    // Chunk 1 turned far: React's still, drawn afresh as a far chunk.
    expect(moved[1]).not.toBeNull();
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[2]).not.toBeNull();
    expect(chunkElementsFrom(cache, 4, nearOnly([1]))[1]).not.toBe(moved[1]);
  });

  it('draws only the first `count` chunks, never past the last one', () => {
    const cache = newChunkElementCache(chunks, inputs);
    expect(chunkElementsFrom(cache, 2, nearOnly([]))).toHaveLength(2);
    const all = chunkElementsFrom(cache, 10, () => true);
    expect(all.map((element) => element?.key)).toEqual(chunks.map((chunk) => String(chunk.first)));
  });

  it('makes a far chunk outside React as React draws it: its classes, space, offset and text', () => {
    const far = farChunkElements(chunks, pieces, TEXT);
    chunks.forEach((chunk, index) => {
      const made = far.elementOf(index);
      expect(far.elementOf(index)).toBe(made);
      const drawn = render(paragraphChunkElement(chunk, inputs, false)).container.firstElementChild as HTMLElement;
      expect(made.className).toBe(drawn.className);
      expect(made.getAttribute('data-offset')).toBe(drawn.getAttribute('data-offset'));
      expect(made.childNodes).toHaveLength(1);
      expect(made.textContent).toBe(drawn.textContent);
      expect(made.getAttribute('style')).toContain(`auto ${estimatedHeightEm(chunk)}em`);
    });
  });

  it('keeps the page in reading order while chunks turn near and far, and a chunk drawn near the same element from then on', () => {
    const cache = newChunkElementCache(chunks, inputs);
    const { container, rerender } = render(groupsPage(chunkGroupsFrom(cache, 4, nearOnly([0]))));
    const page = container.firstElementChild as HTMLElement;
    const before = chunksIn(page);
    expect(before).toHaveLength(4);
    expect(before[0]?.querySelectorAll('p')).toHaveLength(3);
    expect(before[1]?.querySelector('p')).toBeNull();
    expect(page.textContent?.replace(/\n/g, '')).toBe(TEXT.replace(/\n/g, ''));
    rerender(groupsPage(chunkGroupsFrom(cache, 4, nearOnly([2]))));
    const after = chunksIn(page);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[3]).toBe(before[3]);
    expect(after[0]?.querySelector('p')).toBeNull();
    expect(after[0]?.textContent).toBe(TEXT.split('\n').slice(0, 3).join('\n'));
    expect(after[2]?.querySelectorAll('p')).toHaveLength(3);
    expect(after.map((chunk) => (chunk ? chunkIndexOf(page, chunk) : -1))).toEqual([0, 1, 2, 3]);
    // Chunk 2 far again: React's element stays, and the one made outside React for it is gone.
    rerender(groupsPage(chunkGroupsFrom(cache, 4, nearOnly([]))));
    expect(chunksIn(page)).toEqual(after);
    expect(page.querySelectorAll('p')).toHaveLength(0);
    expect(page.textContent?.replace(/\n/g, '')).toBe(TEXT.replace(/\n/g, ''));
  });

  it('a new set of inputs (a new cache) replaces the far chunks made for the old one, never doubling the text', () => {
    const { container, rerender } = render(groupsPage(chunkGroupsFrom(newChunkElementCache(chunks, inputs), 4, nearOnly([1]))));
    const page = container.firstElementChild as HTMLElement;
    const other = newChunkElementCache(chunks, { ...inputs, appearance: () => ({ color: '#00f', label: 'Place' }) });
    rerender(groupsPage(chunkGroupsFrom(other, 4, nearOnly([2]))));
    expect(chunksIn(page)).toHaveLength(4);
    expect(page.querySelectorAll('p')).toHaveLength(3);
    expect(chunksIn(page)[2]?.querySelectorAll('p')).toHaveLength(3);
    expect(page.textContent?.replace(/\n/g, '')).toBe(TEXT.replace(/\n/g, ''));
  });

  it('groups the chunks: a group none of whose chunks changed is the same element, each group an element of the page holding its chunks', () => {
    // One paragraph a chunk: 40 chunks, two full groups and part of a third.
    const longText = Array.from({ length: 40 }, (_, index) => `بند ${index}.`).join('\n');
    const longPieces = piecesOf(splitParagraphs(longText));
    const oneEach = chunkParagraphs(longPieces, { characters: 4_000, paragraphs: 1, charactersPerLine: 80 });
    expect(oneEach.length).toBeGreaterThan(2 * CHUNKS_PER_GROUP);
    const cache = newChunkElementCache(oneEach, { ...inputs, pieces: longPieces, text: longText });
    const first = chunkGroupsFrom(cache, oneEach.length, nearOnly([0]));
    expect(first).toHaveLength(Math.ceil(oneEach.length / CHUNKS_PER_GROUP));
    const moved = chunkGroupsFrom(cache, oneEach.length, nearOnly([CHUNKS_PER_GROUP + 1]));
    expect(moved[0]).not.toBe(first[0]);
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[2]).toBe(first[2]);
    const { container, rerender } = render(groupsPage(first));
    const page = container.firstElementChild as HTMLElement;
    expect(page.children).toHaveLength(first.length);
    expect([...page.children].every((group) => group.classList.contains(CHUNK_GROUP_CLASS))).toBe(true);
    const before = chunksIn(page);
    expect(before).toHaveLength(oneEach.length);
    rerender(groupsPage(moved));
    const after = chunksIn(page);
    // Only the chunk drawn near for the first time is a new element (React's, from now on).
    expect(after.filter((chunk, index) => chunk !== before[index])).toEqual([after[CHUNKS_PER_GROUP + 1]]);
    expect(after.map((chunk) => (chunk ? chunkIndexOf(page, chunk) : -1))).toEqual(oneEach.map((_, index) => index));
    expect(after[0]?.querySelector('p')).toBeNull();
    expect(after[CHUNKS_PER_GROUP + 1]?.querySelectorAll('p')).toHaveLength(1);
    expect(page.textContent?.replace(/\s/g, '')).toBe(longText.replace(/\s/g, ''));
  });

  it('marks groups skippable on their elements: React drawing the groups again keeps the class, and the groups stay the same elements', () => {
    const longText = Array.from({ length: 40 }, (_, index) => `بند ${index}.`).join('\n');
    const longPieces = piecesOf(splitParagraphs(longText));
    const oneEach = chunkParagraphs(longPieces, { characters: 4_000, paragraphs: 1, charactersPerLine: 80 });
    const cache = newChunkElementCache(oneEach, { ...inputs, pieces: longPieces, text: longText });
    const { container, rerender } = render(groupsPage(chunkGroupsFrom(cache, oneEach.length, nearOnly([0]))));
    const page = container.firstElementChild as HTMLElement;
    const groups = [...page.children];
    const skippable = () => [...page.children].map((group) => group.classList.contains(SKIPPABLE_GROUP_CLASS));
    expect(skippable()).toEqual([false, false, false]);
    markSkippable(page, [1, 2]);
    expect(skippable()).toEqual([false, true, true]);
    // A chunk of the second group turns near: the group is drawn again, its class stays.
    rerender(groupsPage(chunkGroupsFrom(cache, oneEach.length, nearOnly([CHUNKS_PER_GROUP + 1]))));
    expect([...page.children]).toEqual(groups);
    expect(skippable()).toEqual([false, true, true]);
    expect(page.children[1].querySelectorAll('p')).toHaveLength(1);
    clearSkippable(page);
    expect(skippable()).toEqual([false, false, false]);
  });

  it('gives chunks and groups of the same estimated size one style object', () => {
    const cache = newChunkElementCache(chunks, inputs);
    const styles = chunkElementsFrom(cache, 4, () => true).map((element) => (element?.props as { style: object }).style);
    expect(styles[1]).toBe(styles[2]);
    expect(styles[0]).toBe(styles[1]);
  });
});
