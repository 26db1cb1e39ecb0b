/** Console exports through the same header and value layers: encodings, separators, header and footer blocks. */
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, readExport, tryReadExport } from '@/lib/readers/exports';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array, bom: number[]) => new Uint8Array([...bom, ...bytes]);
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('decodeText', () => {
  const text = 'Campagne\tCoût\r\nÉté – 2026\t1 234,50 €\r\n';
  it.each([
    ['UTF-8', utf8(text)],
    ['UTF-8 with BOM', withBom(utf8(text), [0xef, 0xbb, 0xbf])],
    ['UTF-16LE with BOM', withBom(utf16(text, true), [0xff, 0xfe])],
    ['UTF-16BE with BOM', withBom(utf16(text, false), [0xfe, 0xff])],
    ['UTF-16LE without BOM', utf16(text, true)],
  ])('%s', (_name, bytes) => {
    expect(decodeText(bytes)).toBe(text);
  });
  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0x43, 0x6f, 0xfb, 0x74]))).toBe('Coût');
  });
  it('reads Windows-1252 as its code page says, € and curly quotes included (not as Latin-1)', () => {
    // "12,50 €" then ‘Été’ – œ…
    const bytes = Uint8Array.from([
      0x31, 0x32, 0x2c, 0x35, 0x30, 0xa0, 0x80, 0x20, 0x91, 0xc9, 0x74, 0xe9, 0x92, 0x20, 0x96, 0x20, 0x9c, 0x85,
    ]);
    expect(decodeText(bytes)).toBe('12,50\u00a0€ ‘Été’ – œ…');
    // Every byte the code page defines, against the browsers' table (WHATWG Encoding), built from its own parts.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.length).toBe(256);
    expect(text.slice(0xa0)).toBe(String.fromCharCode(...all.slice(0xa0)));
    expect([...text.slice(0x80, 0xa0)].filter((c) => c.charCodeAt(0) >= 0x100)).toHaveLength(27);
  });
});

const MICROSOFT = [
  '"Report Name: Campaign Performance"',
  '"Report Time: 11/1/2026 - 11/23/2026"',
  '"Time Zone: (GMT+01:00) Brussels, Copenhagen, Madrid, Paris"',
  '"Last Completed Available Day: 11/24/2026 3:00:00 AM (GMT+01:00) Brussels, Copenhagen, Madrid, Paris"',
  '"Report Aggregation: Summary"',
  '"Report Filter: "',
  '"Potential Incomplete Data: false"',
  '"Rows: 2"',
  '',
  '"Account name","Account number","Campaign name","Campaign ID","Impressions","Clicks","CTR","Average CPC","Spend","Conversions","Conversion rate","Cost per conversion","Currency code"',
  '"Atelier Lumière","F149AB12","Brand – Exact","412345678","12,400","980","7.90%","0.62","607.60","48","4.90%","12.66","EUR"',
  '"Atelier Lumière","F149AB12","Generic","412345699","30,210","1,102","3.65%","0.95","1,046.90","31","2.81%","33.77","EUR"',
  '"Total","-","-","-","42,610","2,082","4.89%","0.80","1,654.50","79","3.79%","20.94","-"',
  '""',
  '"©2026 Microsoft Corporation. All rights reserved. "',
].join('\r\n');

describe('readExport', () => {
  it('Microsoft Advertising: header block (range month first), Total row, copyright footer', () => {
    expect(readExport(utf8(MICROSOFT), 'Campaign_Performance.csv')).toEqual({
      console: 'microsoft-ads',
      account: 'F149AB12',
      dateRange: { start: '2026-11-01', end: '2026-11-23' },
      currency: 'EUR',
      rows: [
        {
          campaign: { id: '412345678', name: 'Brand – Exact' },
          metrics: {
            impressions: 12400,
            clicks: 980,
            ctr: 0.079,
            cpc: 0.62,
            cost: 607.6,
            conversions: 48,
            conversionRate: 0.049,
            cpa: 12.66,
          },
        },
        {
          campaign: { id: '412345699', name: 'Generic' },
          metrics: {
            impressions: 30210,
            clicks: 1102,
            ctr: 0.0365,
            cpc: 0.95,
            cost: 1046.9,
            conversions: 31,
            conversionRate: 0.0281,
            cpa: 33.77,
          },
        },
      ],
      totals: {
        impressions: 42610,
        clicks: 2082,
        ctr: 0.0489,
        cpc: 0.8,
        cost: 1654.5,
        conversions: 79,
        conversionRate: 0.0379,
        cpa: 20.94,
      },
    });
  });

  it('LinkedIn: title lines with Report Start / Report End, a Currency column, an empty cell for no figure', () => {
    const csv = [
      'Campaign Performance Report (in UTC)',
      'Report Start: 11/1/2026, Report End: 11/23/2026',
      'Date Generated: 11/24/2026, 9:12 AM',
      '',
      'Account Name,Campaign Group Name,Campaign Name,Campaign ID,Campaign Objective,Currency,Total Spent,Impressions,Clicks,Click Through Rate,Average CPC,Conversions,Cost per Conversion,Leads,Cost per Lead',
      'Atelier Lumière SAS,Default,Lead Gen – Décideurs PME,612345678,Lead generation,USD,"1,845.20",48230,412,0.85%,4.48,0,,37,49.87',
    ].join('\n');
    expect(readExport(utf8(csv), 'campaign_performance_report.csv')).toEqual({
      console: 'linkedin-ads',
      account: null,
      dateRange: { start: '2026-11-01', end: '2026-11-23' },
      currency: 'USD',
      rows: [
        {
          campaign: { id: '612345678', name: 'Lead Gen – Décideurs PME' },
          metrics: { cost: 1845.2, impressions: 48230, clicks: 412, ctr: 0.0085, cpc: 4.48, conversions: 0, leads: 37, cpl: 49.87 },
        },
      ],
      totals: null,
    });
  });

  it('Brevo: semicolons, French words, decimal commas, hard + soft bounces summed', () => {
    const csv = [
      "Nom de la campagne;Date d'envoi;Envoyés;Délivrés;Ouvertures;Taux d'ouverture;Clics;Taux de clics;Désinscriptions;Hard bounces;Soft bounces",
      'Newsletter novembre;05/11/2026;12 480;12 311;4 702;38,2 %;538;4,4 %;37;120;49',
      'Relance panier;17/11/2026;1 204;1 189;522;43,9 %;97;8,2 %;4;–;15',
    ].join('\r\n');
    const r = readExport(withBom(utf8(csv), [0xef, 0xbb, 0xbf]), 'brevo-campagnes.csv');
    expect(r).toMatchObject({ console: 'brevo', currency: null, dateRange: null, totals: null });
    expect(r.rows).toEqual([
      {
        campaign: { id: null, name: 'Newsletter novembre' },
        metrics: {
          sent: 12480,
          delivered: 12311,
          opens: 4702,
          openRate: 0.382,
          clicks: 538,
          clickRate: 0.044,
          unsubscribes: 37,
          bounces: 169,
        },
      },
      {
        campaign: { id: null, name: 'Relance panier' },
        metrics: { sent: 1204, delivered: 1189, opens: 522, openRate: 0.439, clicks: 97, clickRate: 0.082, unsubscribes: 4 },
      },
    ]);
  });

  it('Meta: the total row first with no name, rates in percent units without %, the (all) pair, lead results', () => {
    const csv = [
      '"Campaign name","Reporting starts","Reporting ends","Impressions","Link clicks","Clicks (all)","CTR (all)","CPC (all)","CTR (link click-through rate)","Result type","Results","Cost per result","Amount spent (GBP)"',
      ',2026-11-01,2026-11-23,20000,300,500,2.5,0.8,1.5,mixed,,,400',
      '"Leads – Autumn",2026-11-01,2026-11-23,12000,200,320,2.6666666667,0.75,1.6666666667,"Leads (Form)",24,10,240',
      '"Traffic  || Blog",2026-11-01,2026-11-23,8000,100,180,2.25,0.8888888889,1.25,"Link clicks",100,1.6,160',
    ].join('\n');
    const r = readExport(utf8(csv), 'export.csv');
    expect(r).toMatchObject({ console: 'meta-ads', currency: 'GBP', dateRange: { start: '2026-11-01', end: '2026-11-23' } });
    expect(r.totals).toEqual({ impressions: 20000, linkClicks: 300, clicks: 500, ctr: 0.025, cpc: 0.8, cost: 400 });
    expect(r.rows).toEqual([
      {
        campaign: { id: null, name: 'Leads – Autumn' },
        metrics: {
          impressions: 12000,
          linkClicks: 200,
          clicks: 320,
          ctr: 0.026666666667,
          cpc: 0.75,
          results: 24,
          costPerResult: 10,
          cost: 240,
          leads: 24,
          cpl: 10,
        },
      },
      {
        campaign: { id: null, name: 'Traffic  || Blog' },
        metrics: {
          impressions: 8000,
          linkClicks: 100,
          clicks: 180,
          ctr: 0.0225,
          cpc: 0.8888888889,
          results: 100,
          costPerResult: 1.6,
          cost: 160,
        },
      },
    ]);
  });

  it('a tab-separated UTF-16 export of an unknown tool reads as generic', () => {
    const tsv = 'Campaign\tImpressions\tClicks\tCost\tLeads\tCPL\r\nSpring\t"12,000"\t300\t$3,151.90\t20\t$157.60\r\n';
    expect(readExport(withBom(utf16(tsv, true), [0xff, 0xfe]), 'report.tsv')).toEqual({
      console: 'generic',
      account: null,
      dateRange: null,
      currency: 'USD',
      rows: [{ campaign: { id: null, name: 'Spring' }, metrics: { impressions: 12000, clicks: 300, cost: 3151.9, leads: 20, cpl: 157.6 } }],
      totals: null,
    });
  });

  it('an export saying "No data available." has no data row', () => {
    const csv =
      '"Reporting starts","Reporting ends","Campaign name",Results,Reach,Impressions,"Amount spent (USD)"\n"No data available."\n';
    expect(tryReadExport(utf8(csv), 'meta.csv')).toMatchObject({ ok: false, code: 'no-rows' });
  });

  it('a file without a recognisable header is no grid', () => {
    expect(tryReadExport(utf8('name,colour\nsky,blue\n'), 'x.csv')).toMatchObject({ ok: false, code: 'no-grid' });
  });

  it('tells the console from the page it came from when given', () => {
    const csv = 'Campaign name,Cost,Impressions\nSpring,12.00,400\n';
    expect(readExport(utf8(csv), 'x.csv', 'https://ads.tiktok.com/i18n/manage/campaign?aadvid=1').console).toBe('tiktok-ads');
    expect(readExport(utf8(csv), 'x.csv').console).toBe('generic');
  });
});
