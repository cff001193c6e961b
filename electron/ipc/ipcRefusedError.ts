/** A call from the window refused before any handler ran: untrusted sender, unknown channel, invalid request, unusable drop. */
export class IpcRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRefusedError';
  }
}
