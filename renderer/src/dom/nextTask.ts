/**
 * The next task, soon: a message to this window, not a timer (a chain of timers is held back
 * to one every 4 ms by the browser, which a hundred steps would feel).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
