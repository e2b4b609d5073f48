/**
 * Numbers requests and accepts an answer only if no newer request has been answered already. Answers can
 * arrive out of order (the server handles requests concurrently); a stale one must not overwrite a newer.
 */
export class LatestAnswerGate {
  private sent = 0;
  private accepted = 0;

  /** The number of a request about to be sent. */
  next(): number {
    this.sent += 1;
    return this.sent;
  }

  /** Whether the answer to request `number` is the newest seen so far (and if so, it now is). */
  accept(number: number): boolean {
    if (number <= this.accepted) return false;
    this.accepted = number;
    return true;
  }
}
