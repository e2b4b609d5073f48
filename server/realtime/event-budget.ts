// Per-second event budgets for socket messages (per socket, per user), counted synchronously in this process.
// Every keystroke spends from two of them. rate-limiter-flexible's memory limiter answers each spend with
// promises and arms a timer per key per window, which on the keystroke path cost more than the counting itself
// (two awaits per message, each dearer under Next's async hooks); here a spend is a Map lookup. Windows are
// fixed and shared: every count starts again at each tick of one timer, so a sender can spend at most twice
// its budget across a tick, as with any fixed window, and nothing is kept for keys that went quiet.

export class EventBudget {
  private spent = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly points: number,
    windowMs = 1000,
  ) {
    this.timer = setInterval(() => (this.spent = new Map()), windowMs);
    // A budget never keeps the process alive.
    this.timer.unref();
  }

  /** Spends one event of `key`'s budget; false (spending nothing) when this window's budget is gone. */
  trySpend(key: string): boolean {
    const spent = this.spent.get(key) ?? 0;
    if (spent >= this.points) return false;
    this.spent.set(key, spent + 1);
    return true;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
