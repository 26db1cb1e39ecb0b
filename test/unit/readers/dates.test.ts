import { describe, expect, it } from 'vitest';
import { parseDateRange, parseDay } from '@/lib/readers/dates';

const NOV = { start: '2026-11-01', end: '2026-11-23' };

describe('parseDateRange', () => {
  it.each([
    ['Nov 1 – 23, 2026', 'en-US', NOV],
    ['Nov 1, 2026 – Nov 23, 2026', 'en', NOV],
    ['Nov 1, 2026 - Nov 23, 2026', 'en', NOV],
    ['November 1, 2026 - November 23, 2026', null, NOV],
    ['1 – 23 nov. 2026', 'fr', NOV],
    ['1–23 nov. 2026', 'fr', NOV],
    ['du 1er au 23 novembre 2026', 'fr', NOV],
    ['01/11/2026 – 23/11/2026', 'fr', NOV],
    ['1. Nov. 2026 – 23. Nov. 2026', 'de', NOV],
    ['01.11.2026 – 23.11.2026', 'de', NOV],
    ['vom 1. bis 23. November 2026', 'de', NOV],
    ['1 – 23 de nov. de 2026', 'es', NOV],
    ['1 nov 2026 - 23 nov 2026', 'es', NOV],
    ['1–23 nov 2026', 'it', NOV],
    ['dal 1 al 23 novembre 2026', 'it', NOV],
    ['1 – 23 de novembro de 2026', 'pt-BR', NOV],
    ['1 – 23 nov. 2026', 'nl', NOV],
    ['1 t/m 23 november 2026', 'nl', NOV],
    ['2026-11-01 to 2026-11-23', null, NOV],
    ['2026-11-01 ~ 2026-11-23', null, NOV],
    ['Report Time: 11/1/2026 - 11/23/2026', null, NOV],
    ['27 January 2026 - 23 February 2026', 'en-GB', { start: '2026-01-27', end: '2026-02-23' }],
    ['July 8, 2025 - July 31, 2025', 'en-US', { start: '2025-07-08', end: '2025-07-31' }],
    ['Dec 15, 2025 – Jan 14, 2026', 'en', { start: '2025-12-15', end: '2026-01-14' }],
    ['15 déc. 2025 – 14 janv. 2026', 'fr', { start: '2025-12-15', end: '2026-01-14' }],
    ['Nov 1 – Dec 3, 2026', 'en', { start: '2026-11-01', end: '2026-12-03' }],
    ['1 mrt. – 23 mrt. 2026', 'nl', { start: '2026-03-01', end: '2026-03-23' }],
    ['1. März – 23. März 2026', 'de', { start: '2026-03-01', end: '2026-03-23' }],
  ])('%s (%s)', (text, lang, range) => {
    expect(parseDateRange(text, lang)).toEqual(range);
  });

  it('takes the first range of a comparison', () => {
    expect(parseDateRange('Nov 1 – 23, 2026 compared to Oct 9 – 31, 2026', 'en')).toEqual(NOV);
  });

  it('settles 01/02/2026 by the other side, else by the language', () => {
    expect(parseDateRange('02/01/2026 – 15/01/2026', 'en-US')).toEqual({ start: '2026-01-02', end: '2026-01-15' });
    expect(parseDateRange('01/02/2026 – 01/03/2026', 'en-US')).toEqual({ start: '2026-01-02', end: '2026-01-03' });
    expect(parseDateRange('01/02/2026 – 01/03/2026', 'fr')).toEqual({ start: '2026-02-01', end: '2026-03-01' });
  });

  it.each([
    ['All time', null],
    ['Envoyée le 20/11/2026 à 09:00', 'fr'],
    ['Black Friday – J-3', 'fr'],
    ['1 - 8 of 8', 'en'],
    ['Nov 1 – 23', 'en'], // no year shown: not a range we can place
    ['Nov 23, 2026 – Nov 1, 2026', 'en'], // ends before it starts
    ['Feb 30 – Mar 2, 2026', 'en'], // no such day
    ['Invitation – Atelier découverte 28/11', 'fr'],
  ])('no range in "%s"', (text, lang) => {
    expect(parseDateRange(text, lang)).toBeNull();
  });

  it('reads a lone date as one day only when asked (a date picker)', () => {
    expect(parseDateRange('Yesterday: Nov 23, 2026', 'en')).toBeNull();
    expect(parseDateRange('Yesterday: Nov 23, 2026', 'en', { single: true })).toEqual({ start: '2026-11-23', end: '2026-11-23' });
  });
});

describe('parseDay', () => {
  it.each([
    ['2026-11-01', null, '2026-11-01'],
    ['11/1/2026', null, '2026-11-01'],
    ['1/11/2026', 'fr', '2026-11-01'],
    ['1 nov. 2026', 'fr', '2026-11-01'],
    ['Nov 5, 2026 10:00 AM', 'en', '2026-11-05'],
    ['soon', null, null],
  ])('%s (%s) → %s', (text, lang, day) => {
    expect(parseDay(text, lang)).toBe(day);
  });
});
