import { describe, expect, it } from 'vitest';
import { Pacer } from '@/lib/content/pacer';

/** A clock the test moves, with its timers. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; f: () => void; id: number }[] = [];
  let next = 1;
  return {
    clock: {
      now: () => now,
      setTimeout: (f: () => void, ms: number) => {
        timers.push({ at: now + ms, f, id: next });
        return next++;
      },
      clearTimeout: (id: unknown) => {
        timers = timers.filter((t) => t.id !== id);
      },
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.f();
      }
      now = end;
    },
  };
}

describe('Pacer (readings handed over for storage)', () => {
  it('sends the first reading at once, then the latest one at the end of each gap, the gap doubling to its bound', () => {
    const { clock, advance } = fakeClock();
    const sent: [number, number][] = [];
    const pacer = new Pacer<number>((v) => sent.push([clock.now(), v]), clock, 1_000, 8_000);
    // A page that changes every frame (16 ms) for a minute.
    for (let t = 0, v = 0; t < 60_000; t += 16, v++) {
      pacer.push(v, 'view');
      advance(16);
    }
    const times = sent.map(([t]) => t);
    expect(times.slice(0, 6)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 23_000]);
    // 60,000 frames' worth of readings became a handful of stores, each gap at most 8 s.
    expect(sent.length).toBeLessThanOrEqual(10);
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeLessThanOrEqual(8_000);
    // The last thing the page showed is sent when its gap ends: nothing shown last is lost.
    advance(8_000);
    expect(sent.at(-1)?.[1]).toBe(Math.ceil(60_000 / 16) - 1);
  });

  it('a quiet page is back to the shortest gap; another view goes at once', () => {
    const { clock, advance } = fakeClock();
    const sent: string[] = [];
    const pacer = new Pacer<string>((v) => sent.push(v), clock, 1_000, 8_000);
    pacer.push('a1', 'A');
    pacer.push('a2', 'A');
    pacer.push('a3', 'A');
    expect(sent).toEqual(['a1']);
    advance(1_000);
    expect(sent).toEqual(['a1', 'a3']); // a2 was replaced by a3 before its turn
    pacer.push('a4', 'A');
    pacer.push('b1', 'B'); // another view: at once, and a4 is dropped with its view
    expect(sent).toEqual(['a1', 'a3', 'b1']);
    advance(10_000);
    expect(sent).toEqual(['a1', 'a3', 'b1']);
    pacer.push('b2', 'B'); // quiet for more than two gaps: at once
    expect(sent).toEqual(['a1', 'a3', 'b1', 'b2']);
    pacer.push('b3', 'B');
    pacer.stop();
    advance(10_000);
    expect(sent).toEqual(['a1', 'a3', 'b1', 'b2']);
  });
});
