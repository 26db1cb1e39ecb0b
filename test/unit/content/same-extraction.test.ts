import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameExtraction } from '@/lib/content/live-reader';
import { METRIC_KEYS } from '@/lib/domain/metrics';
import type { Extraction } from '@/lib/readers/extraction';

const metrics = fc.dictionary(fc.constantFrom(...METRIC_KEYS), fc.double({ noNaN: true }), { maxKeys: 5 });
const extraction: fc.Arbitrary<Extraction> = fc.record({
  console: fc.constantFrom('google-ads', 'meta-ads', 'generic'),
  account: fc.option(fc.string({ minLength: 1 }), { nil: null }),
  dateRange: fc.option(fc.record({ start: fc.constant('2026-11-01'), end: fc.constantFrom('2026-11-23', '2026-11-30') }), { nil: null }),
  currency: fc.option(fc.constantFrom('EUR', 'USD'), { nil: null }),
  rows: fc.array(
    fc.record({
      campaign: fc.record({ id: fc.option(fc.string({ minLength: 1 }), { nil: null }), name: fc.string({ minLength: 1 }) }),
      metrics,
    }),
    { maxLength: 6 },
  ),
  totals: fc.option(metrics, { nil: null }),
}) as fc.Arbitrary<Extraction>;

/** The reference: the same readings serialised alike, metrics in one key order. */
const canonical = (e: Extraction) =>
  JSON.stringify(e, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );

describe('sameExtraction (the live reader sends a reading only when it differs from the last one)', () => {
  it('agrees with comparing the serialised readings, on random pairs and on copies', () => {
    fc.assert(
      fc.property(extraction, extraction, (a, b) => {
        expect(sameExtraction(a, b)).toBe(canonical(a) === canonical(b));
        expect(sameExtraction(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('sees one figure changed, one figure added, and a renamed row', () => {
    const a: Extraction = {
      console: 'generic',
      account: null,
      dateRange: { start: '2026-11-01', end: '2026-11-23' },
      currency: 'EUR',
      rows: [{ campaign: { id: null, name: 'Brand' }, metrics: { cost: 10, clicks: 3 } }],
      totals: { cost: 10 },
    };
    const b = structuredClone(a);
    expect(sameExtraction(a, b)).toBe(true);
    (b.rows[0] as Extraction['rows'][number]).metrics.cost = 11;
    expect(sameExtraction(a, b)).toBe(false);
    const c = structuredClone(a);
    (c.rows[0] as Extraction['rows'][number]).metrics.conversions = 1;
    expect(sameExtraction(a, c)).toBe(false);
    const d = structuredClone(a);
    (d.rows[0] as Extraction['rows'][number]).campaign.name = 'Brand 2';
    expect(sameExtraction(a, d)).toBe(false);
  });
});
