/**
 * Runs a function `delay` after the last call of `schedule`, in the browser's next idle period
 * (at most a second later): autosave's timing, so that serializing a large document never
 * lands in the frame that answers a key press. A call only moves the due time; the timer
 * already set re-arms itself for the rest (#25: clearing and setting a timer on every key
 * press was about 16 % of the tagging key's handler).
 */
export interface IdleDebounce {
  schedule: (delay: number) => void;
  cancel: () => void;
}

export function idleDebounce(run: () => void, idleTimeoutMs = 1000): IdleDebounce {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idleHandle: number | null = null;
  let dueAt = 0;
  const whenDue = (): void => {
    timer = null;
    idleHandle = null;
    const wait = dueAt - Date.now();
    if (wait > 0) timer = setTimeout(whenDue, wait);
    else idleHandle = requestIdleCallback(ifStillDue, { timeout: idleTimeoutMs });
  };
  // A call made while waiting for idle time moves the run again.
  const ifStillDue = (): void => {
    if (Date.now() < dueAt) return whenDue();
    idleHandle = null;
    run();
  };
  return {
    schedule(delay) {
      dueAt = Date.now() + delay;
      if (timer === null && idleHandle === null) timer = setTimeout(whenDue, delay);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      if (idleHandle !== null) cancelIdleCallback(idleHandle);
      timer = null;
      idleHandle = null;
    },
  };
}
