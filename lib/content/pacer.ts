/**
 * Paces the readings a tab hands over for storage. Each reading whose figures changed becomes Captures, so a page
 * whose figures change all the time (a hostile page rewriting its grid every frame, a live counter) would fill
 * the database: the first reading of a view goes at once; after it, at most one per `gap`, the latest one kept
 * for the end of the gap (nothing the page shows last is lost); the gap doubles, up to `maxGap`, while the page
 * keeps changing, and is back to `minGap` once the page has been quiet for two gaps or shows another view.
 */
export type PacerClock = {
  now: () => number;
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
};

export class Pacer<T> {
  private gap: number;
  private lastSent = Number.NEGATIVE_INFINITY;
  private view: string | null = null;
  private pending: T | null = null;
  private timer: unknown = null;

  constructor(
    private readonly send: (value: T) => void,
    private readonly clock: PacerClock,
    private readonly minGap = 1_000,
    private readonly maxGap = 30_000,
  ) {
    this.gap = minGap;
  }

  /** A new reading of `view` (what the page shows: live-reader.ts, viewKey). */
  push(value: T, view: string): void {
    const now = this.clock.now();
    if (view !== this.view) {
      this.view = view;
      this.gap = this.minGap;
      this.cancel();
      this.fire(value, now);
      return;
    }
    if (this.timer === null && now - this.lastSent >= this.gap) {
      if (now - this.lastSent >= 2 * this.gap) this.gap = this.minGap;
      this.fire(value, now);
      return;
    }
    this.pending = value;
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.lastSent + this.gap - now);
  }

  stop(): void {
    this.cancel();
  }

  private flush(): void {
    this.timer = null;
    const value = this.pending;
    this.pending = null;
    if (value === null) return;
    // Still changing at the end of a gap: the next one is longer.
    this.gap = Math.min(this.gap * 2, this.maxGap);
    this.fire(value, this.clock.now());
  }

  private fire(value: T, now: number): void {
    this.lastSent = now;
    this.send(value);
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
