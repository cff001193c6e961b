/** The longest wait for a frame: a hidden or minimised window draws none, and what waits must still run. */
const NO_FRAME_MS = 100;

/**
 * Resolves once the window has drawn what it shows now (its next frame, then a task), or after
 * NO_FRAME_MS when no frame comes. (#25) Work that follows a listing (the statuses main reads,
 * the metadata summaries) asks main only after the list is on screen: on two cores, main's reads
 * took the CPU the window needed to receive and draw the list.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, NO_FRAME_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
