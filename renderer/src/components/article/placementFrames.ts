/** What the placement does in an animation frame (useLabelPlacement). */
export interface PlacementSteps {
  placedAny: () => boolean;
  /** Posts the view's first placement in a task of its own (#17). */
  postFirst: () => void;
  placeInView: () => void;
  placeChanged: () => void;
  /** Removes the changed chunks' chips that no longer name a highlight, reading no layout. */
  dropStale: () => void;
}

/**
 * When the chips are placed: `schedule` in the next animation frame, searching the view for the
 * chunks in it (`search`); `placeNow` at once, from a resize observer, after the frame's layout
 * and before its paint (the chips are drawn anew in that frame, not shown a frame where the text
 * no longer is). Before any chip was placed, both post the first placement's task instead (#17).
 *
 * A change alone (a tagging, a chunk's highlights drawn), with no scroll, resize or reflow since
 * the last placement, places only the chunks it changed (#25), and **a frame later** (#25, session
 * 18): its chip comes in the frame after its highlight's. Placed in the highlight's frame, the
 * chip's reads and writes were the placement's script and a second style and layout pass after
 * the frame's own, about 1.5 ms of the 9–10 ms of CPU between a tag key and its painted highlight.
 * The first frame only removes chips whose highlight went away (no layout read, nothing written
 * when a tagging only adds); a scroll in between still places its view in its own frame.
 */
export function placementFrames(steps: PlacementSteps): { schedule: (search?: boolean) => void; placeNow: () => void; cancel: () => void } {
  const { placedAny, postFirst, placeInView, placeChanged, dropStale } = steps;
  let frame = 0;
  // Whether the next frame searches the view for chunks to place; without a scroll, resize or
  // reflow since the last, only the chunks whose content changed are placed (placeChanged).
  let searchView = false;
  const place = () => {
    frame = 0;
    if (searchView) placeInView();
    else placeChanged();
    searchView = false;
  };
  const schedule = (search = true) => {
    if (!placedAny()) {
      postFirst();
      return;
    }
    searchView ||= search;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      if (searchView) {
        place();
        return;
      }
      dropStale();
      frame = requestAnimationFrame(place);
    });
  };
  const placeNow = () => {
    if (!placedAny()) {
      postFirst();
      return;
    }
    cancelAnimationFrame(frame);
    frame = 0;
    searchView = false;
    placeInView();
  };
  return { schedule, placeNow, cancel: () => cancelAnimationFrame(frame) };
}
