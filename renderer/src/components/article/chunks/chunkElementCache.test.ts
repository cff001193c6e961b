// @vitest-environment jsdom
import { createElement, Fragment, type ReactElement } from 'react';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../../../shared/text/paragraphs';
import { chunkParagraphs } from '../../../../../shared/text/paragraphChunks';
import { piecesOf } from '../../../store/paragraphSlices';
import { articleChunks, CHUNK_GROUP_CLASS, CHUNKS_PER_GROUP, chunkIndexOf, clearSkippable, markSkippable, SKIPPABLE_GROUP_CLASS } from './articleChunks';
import { chunkElementsFrom, chunkGroupsFrom, newChunkElementCache } from './chunkElementCache';

const TEXT = Array.from({ length: 12 }, (_, index) => `بند ${index} از متن.`).join('\n');
const pieces = piecesOf(splitParagraphs(TEXT));
// Three paragraphs a chunk: four chunks.
const chunks = chunkParagraphs(pieces, { characters: 4_000, paragraphs: 3, charactersPerLine: 80 });
const inputs = { pieces, text: TEXT, appearance: () => ({ color: '#f00', label: 'Person' }) };
const nearOnly = (near: readonly number[]) => (index: number) => near.includes(index);

afterEach(cleanup);

describe('the chunks drawn as elements (#25 heap)', () => {
  it('gives back the same element for a chunk drawn as it was, and a new one for a chunk whose nearness changed', () => {
    expect(chunks).toHaveLength(4);
    const cache = newChunkElementCache(chunks, inputs);
    const first = chunkElementsFrom(cache, 4, nearOnly([1]));
    const again = chunkElementsFrom(cache, 4, nearOnly([1]));
    expect(again).toHaveLength(4);
    again.forEach((element, index) => expect(element).toBe(first[index]));
    const moved = chunkElementsFrom(cache, 4, nearOnly([2]));
    expect(moved[0]).toBe(first[0]);
    expect(moved[3]).toBe(first[3]);
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[2]).not.toBe(first[2]);
    // Back near: drawn afresh again (the cache keeps one element a chunk, for its last nearness).
    expect(chunkElementsFrom(cache, 4, nearOnly([1]))[1]).not.toBe(moved[1]);
  });

  it('draws only the first `count` chunks, never past the last one', () => {
    const cache = newChunkElementCache(chunks, inputs);
    expect(chunkElementsFrom(cache, 2, nearOnly([]))).toHaveLength(2);
    const all = chunkElementsFrom(cache, 10, nearOnly([]));
    expect(all.map((element) => element.key)).toEqual(chunks.map((chunk) => String(chunk.first)));
  });

  it('keeps each chunk element in the page while chunks turn near and far, with the text in reading order', () => {
    const cache = newChunkElementCache(chunks, inputs);
    const page = (elements: ReactElement[]) => createElement(Fragment, null, ...elements);
    const { container, rerender } = render(page(chunkElementsFrom(cache, 4, nearOnly([0]))));
    const before = [...container.children];
    expect(before).toHaveLength(4);
    expect(before[0].querySelectorAll('p')).toHaveLength(3);
    expect(before[1].querySelector('p')).toBeNull();
    rerender(page(chunkElementsFrom(cache, 4, nearOnly([1]))));
    expect([...container.children]).toEqual(before);
    expect(before[0].querySelector('p')).toBeNull();
    expect(before[1].querySelectorAll('p')).toHaveLength(3);
    expect(before[0].textContent).toBe(TEXT.split('\n').slice(0, 3).join('\n'));
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
    const { container, rerender } = render(createElement('div', null, ...first));
    const page = container.firstElementChild as HTMLElement;
    expect(page.children).toHaveLength(first.length);
    expect([...page.children].every((group) => group.classList.contains(CHUNK_GROUP_CLASS))).toBe(true);
    const chunksOf = () => Array.from({ length: articleChunks(page).length }, (_, index) => articleChunks(page).at(index));
    const before = chunksOf();
    expect(before).toHaveLength(oneEach.length);
    rerender(createElement('div', null, ...moved));
    expect(chunksOf()).toEqual(before);
    expect(before.map((chunk) => (chunk ? chunkIndexOf(page, chunk) : -1))).toEqual(oneEach.map((_, index) => index));
    expect(before[0]?.querySelector('p')).toBeNull();
    expect(before[CHUNKS_PER_GROUP + 1]?.querySelectorAll('p')).toHaveLength(1);
    expect(page.textContent?.replace(/\s/g, '')).toBe(longText.replace(/\s/g, ''));
  });

  it('marks groups skippable on their elements: React drawing the groups again keeps the class, and the groups stay the same elements', () => {
    const longText = Array.from({ length: 40 }, (_, index) => `بند ${index}.`).join('\n');
    const longPieces = piecesOf(splitParagraphs(longText));
    const oneEach = chunkParagraphs(longPieces, { characters: 4_000, paragraphs: 1, charactersPerLine: 80 });
    const cache = newChunkElementCache(oneEach, { ...inputs, pieces: longPieces, text: longText });
    const { container, rerender } = render(createElement('div', null, ...chunkGroupsFrom(cache, oneEach.length, nearOnly([0]))));
    const page = container.firstElementChild as HTMLElement;
    const groups = [...page.children];
    const skippable = () => [...page.children].map((group) => group.classList.contains(SKIPPABLE_GROUP_CLASS));
    expect(skippable()).toEqual([false, false, false]);
    markSkippable(page, [1, 2]);
    expect(skippable()).toEqual([false, true, true]);
    // A chunk of the second group turns near: the group is drawn again, its class stays.
    const moved = chunkGroupsFrom(cache, oneEach.length, nearOnly([CHUNKS_PER_GROUP + 1]));
    rerender(createElement('div', null, ...moved));
    expect([...page.children]).toEqual(groups);
    expect(skippable()).toEqual([false, true, true]);
    expect(page.children[1].querySelectorAll('p')).toHaveLength(1);
    clearSkippable(page);
    expect(skippable()).toEqual([false, false, false]);
  });

  it('gives chunks and groups of the same estimated size one style object', () => {
    const cache = newChunkElementCache(chunks, inputs);
    const styles = chunkElementsFrom(cache, 4, nearOnly([0])).map((element) => (element.props as { style: object }).style);
    expect(styles[1]).toBe(styles[2]);
    expect(styles[0]).toBe(styles[1]);
  });
});
