// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLabelPlacement } from './useLabelPlacement';

/**
 * (#17) The view's first chips are placed in a task of their own, not in the animation frame
 * that first shows the article; later placements stay in the frame that brings their chunks.
 * jsdom lays nothing out: every chip's text is given the same box, so the second chip of a
 * chunk meets the first and is lifted a row (its chip in the chunk's layer drawn on row 1).
 */
function Article({ chips, paragraphs = 1 }: { chips: number; paragraphs?: number }) {
  const root = useRef<HTMLDivElement>(null);
  useLabelPlacement(root);
  return (
    <div>
      <div ref={root} data-testid="article">
        <div className="chunk-group">
          <div className="paragraph-chunk">
            {Array.from({ length: paragraphs }, (_, paragraph) => (
              <p key={paragraph} data-offset={paragraph * 100}>
                {Array.from({ length: chips }, (_, index) => (
                  <mark key={index} className="hl hl-first" data-label="PER" data-annotation-id={`a${paragraph}-${index}`}>
                    واژه
                  </mark>
                ))}
              </p>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

const frames: FrameRequestCallback[] = [];
/** The rows of the chips drawn in the chunk's layer (chipLayer.ts), in reading order. */
const lifted = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.label-chips > .label-chip')).map((chip) => chip.dataset.row);
/** A task after the ones posted so far (a message, as the placement's own is posted: a timer may come first). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

beforeEach(() => {
  frames.length = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.stubGlobal('requestIdleCallback', () => 0);
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  vi.stubGlobal('ResizeObserver', class { observe(): void {} disconnect(): void {} });
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(() => [new DOMRect(100, 40, 30, 20)] as unknown as DOMRectList);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('label placement (#17)', () => {
  it('places the first chips in a task, with no animation frame run', async () => {
    const { container } = render(<Article chips={2} />);
    expect(lifted(container)).toEqual([]);
    await nextTask();
    expect(lifted(container)).toEqual(['0', '1']);
  });

  it('once chips are placed, a change is placed in the next animation frame, not in a task', async () => {
    const { container } = render(<Article chips={2} />);
    await nextTask();
    frames.length = 0;
    const third = container.querySelector('mark')?.cloneNode(true) as HTMLElement;
    container.querySelector('p')?.append(third);
    await nextTask();
    expect(lifted(container)).toEqual(['0', '1']);
    expect(frames).toHaveLength(1);
    frames[0](performance.now());
    expect(lifted(container)).toEqual(['0', '1', '2']);
  });

  it('a change reads again only the chips of the paragraph it is in (#25)', async () => {
    const { container } = render(<Article chips={2} paragraphs={3} />);
    await nextTask();
    frames.length = 0;
    const reads = vi.mocked(Element.prototype.getClientRects);
    reads.mockClear();
    const changed = container.querySelectorAll('p')[1];
    changed.append(changed.querySelector('mark')?.cloneNode(true) as HTMLElement);
    await nextTask();
    frames[0](performance.now());
    expect(reads.mock.contexts).toHaveLength(3);
    expect(reads.mock.contexts.every((mark) => (mark as Element).parentElement === changed)).toBe(true);
    // The chunk's chips are still placed together: those of the paragraphs not read again take
    // the three rows above the shared box, so the new one (the fifth) finds none left.
    // Hidden chips are not drawn: only the first three marks have one.
    expect(lifted(container)).toEqual(['0', '1', '2']);
  });
});
