/** Grid discovery and row reading on small inline pages: one structure per test. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findGrids, pickGrid } from '@/lib/readers/grid';
import { readPage, tryReadPage } from '@/lib/readers/read-page';
import { isSummaryLabel, summaryScope } from '@/lib/readers/table';
import { visibleLines } from '@/lib/readers/text';

const page = (body: string, lang = 'en') =>
  parseHTML(`<!DOCTYPE html><html lang="${lang}"><head><title>Report</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
const names = (doc: Document) => readPage(doc, null).rows.map((r) => r.campaign.name);

describe('ARIA grid split in a pinned and a scrolling container', () => {
  const doc = page(`
    <div role="grid">
      <div class="pinned">
        <div role="row" aria-rowindex="1"><div role="columnheader">Campaign</div></div>
        <div role="row" aria-rowindex="3"><div role="gridcell"><a href="/x?campaignId=22">Beta</a></div></div>
        <div role="row" aria-rowindex="2"><div role="gridcell"><a href="/x?campaignId=11">Alpha</a></div></div>
      </div>
      <div class="center">
        <div role="row" aria-rowindex="1"><div role="columnheader">Clicks</div><div role="columnheader">Cost</div></div>
        <div role="row" aria-rowindex="2"><div role="gridcell">120</div><div role="gridcell">$10.00</div></div>
        <div role="row" aria-rowindex="3"><div role="gridcell">80</div><div role="gridcell">$7.50</div></div>
      </div>
    </div>`);
  it('joins each row by aria-rowindex and puts rows in index order', () => {
    expect(readPage(doc, null).rows).toEqual([
      { campaign: { id: '11', name: 'Alpha' }, metrics: { clicks: 120, cost: 10 } },
      { campaign: { id: '22', name: 'Beta' }, metrics: { clicks: 80, cost: 7.5 } },
    ]);
  });
  it('reads a tree grid at its top level: a campaign expanded to its ad groups is counted once', () => {
    const tree = page(`
      <div role="treegrid">
        <div role="row"><div role="columnheader">Campaign</div><div role="columnheader">Cost</div><div role="columnheader">Clicks</div></div>
        <div role="row" aria-level="1" aria-expanded="true"><div role="gridcell">Brand</div><div role="gridcell">$30.00</div><div role="gridcell">12</div></div>
        <div role="row" aria-level="2"><div role="gridcell">Brand – exact</div><div role="gridcell">$20.00</div><div role="gridcell">8</div></div>
        <div role="row" aria-level="2"><div role="gridcell">Brand – phrase</div><div role="gridcell">$10.00</div><div role="gridcell">4</div></div>
        <div role="row" aria-level="1"><div role="gridcell">Generic</div><div role="gridcell">$5.00</div><div role="gridcell">2</div></div>
      </div>`);
    expect(names(tree)).toEqual(['Brand', 'Generic']);
  });

  it('reads a treegrid whose header row starts with a checkbox cell', () => {
    const tree = page(`
      <div role="treegrid">
        <div role="row"><div role="gridcell"><input type="checkbox" aria-label="Select all"></div><div role="columnheader">Campaign</div><div role="columnheader">Conversions</div></div>
        <div role="row" aria-level="1"><div role="gridcell"><input type="checkbox"></div><div role="gridcell">Brand</div><div role="gridcell">4.50</div></div>
      </div>`);
    expect(readPage(tree, null).rows).toEqual([{ campaign: { id: null, name: 'Brand' }, metrics: { conversions: 4.5 } }]);
  });

  it('places cells by aria-colindex when a virtualised row skips columns', () => {
    const sparse = page(`
      <div role="grid">
        <div role="row" aria-rowindex="1"><div role="columnheader" aria-colindex="1">Campaign</div><div role="columnheader" aria-colindex="2">Clicks</div><div role="columnheader" aria-colindex="3">Impressions</div></div>
        <div role="row" aria-rowindex="2"><div role="gridcell" aria-colindex="1">A</div><div role="gridcell" aria-colindex="3">1,000</div></div>
      </div>`);
    expect(readPage(sparse, null).rows[0]?.metrics).toEqual({ impressions: 1000 });
  });
});

describe('div grid keyed by a column attribute, split in two containers', () => {
  it('joins pinned and centre rows by their row index and maps cells by key, whatever their order', () => {
    const doc = page(`
      <div class="grid">
        <div class="left">
          <div class="row" row-index="h"><span col-id="name">Campaign</span><span col-id="status">Status</span></div>
          <div class="row" row-index="0"><span col-id="name">Spring</span><span col-id="status">On</span></div>
          <div class="row" row-index="1"><span col-id="name">Summer</span><span col-id="status">Off</span></div>
        </div>
        <div class="right">
          <div class="row" row-index="h"><span col-id="impr">Impressions</span><span col-id="clicks">Clicks</span></div>
          <div class="row" row-index="0"><span col-id="clicks">12</span><span col-id="impr">1,200</span></div>
          <div class="row" row-index="1"><span col-id="clicks">—</span><span col-id="impr">900</span></div>
        </div>
      </div>`);
    expect(readPage(doc, null).rows).toEqual([
      { campaign: { id: null, name: 'Spring' }, metrics: { impressions: 1200, clicks: 12 } },
      { campaign: { id: null, name: 'Summer' }, metrics: { impressions: 900 } },
    ]);
  });
});

describe('HTML tables', () => {
  it('reads grouped headers (colspan, rowspan), a <tfoot> total, and ignores the layout table around', () => {
    const doc = page(
      `
      <table class="layout"><tr><td><img alt="logo"> Intranet</td><td>
        <table>
          <thead>
            <tr><th rowspan="2">Campagne</th><th colspan="2">Trafic</th><th rowspan="2">Coût</th></tr>
            <tr><th>Impr.</th><th>Clics</th></tr>
          </thead>
          <tbody><tr><td>Hiver</td><td>1 200</td><td>30</td><td>12,50 €</td></tr></tbody>
          <tfoot><tr><td>Total</td><td>1 200</td><td>30</td><td>12,50 €</td></tr></tfoot>
        </table>
      </td></tr></table>`,
      'fr',
    );
    const r = readPage(doc, null);
    expect(r.rows).toEqual([{ campaign: { id: null, name: 'Hiver' }, metrics: { impressions: 1200, clicks: 30, cost: 12.5 } }]);
    expect(r.totals).toEqual({ impressions: 1200, clicks: 30, cost: 12.5 });
    expect(r.currency).toBe('EUR');
  });

  it('reads the name as the user does: no icon ligature, hidden helper, hover button or sub-line', () => {
    const doc = page(`
      <table><thead><tr><th>Campaign</th><th>Clicks</th><th>Cost</th></tr></thead><tbody>
        <tr><td><i class="material-icons" aria-hidden="true">campaign</i><span class="sr-only">Campaign:</span><a href="/campaigns/123456/">Winter sale</a><button>Edit</button><div class="sub">Search · Manual CPC</div></td><td>5</td><td>$1.00</td></tr>
        <tr><td><span class="material-icons">star</span>Autumn<div>Paused since Oct 2</div><span aria-hidden="true">Duplicate</span></td><td>3</td><td>$2.00</td></tr>
      </tbody></table>`);
    expect(readPage(doc, null).rows.map((r) => r.campaign)).toEqual([
      { id: '123456', name: 'Winter sale' },
      { id: null, name: 'Autumn' },
    ]);
  });

  it('picks the grid with the most recognisable metric headers', () => {
    const doc = page(`
      <table><thead><tr><th>Campaign</th><th>Clicks</th></tr></thead><tbody><tr><td>Small</td><td>1</td></tr><tr><td>Other</td><td>2</td></tr></tbody></table>
      <table><thead><tr><th>Campaign</th><th>Clicks</th><th>Impressions</th><th>Cost</th></tr></thead><tbody><tr><td>Big</td><td>1</td><td>10</td><td>$1</td></tr></tbody></table>`);
    expect(findGrids(doc, null)).toHaveLength(2);
    expect(names(doc)).toEqual(['Big']);
  });

  it('keeps a row that shows no figure at all, with no metrics', () => {
    const doc = page(
      `<table><tr><th>Campaign</th><th>Clicks</th><th>Cost</th></tr><tr><td>Live</td><td>4</td><td>$1</td></tr><tr><td>Draft</td><td>—</td><td></td></tr></table>`,
    );
    expect(readPage(doc, null).rows[1]).toEqual({ campaign: { id: null, name: 'Draft' }, metrics: {} });
  });

  it('reads a "no data" row as no row', () => {
    const doc = page(
      `<table><tr><th>Campaign</th><th>Clicks</th><th>Cost</th></tr><tr><td colspan="3">No data available for this period</td></tr></table>`,
    );
    expect(tryReadPage(doc, null)).toMatchObject({ ok: false, code: 'no-rows' });
  });

  it('takes the total of the whole grid among several, wherever it stands', () => {
    const doc = page(`
      <table><tr><th>Campaign</th><th>Clicks</th></tr>
        <tr><td>Total: Search</td><td>3</td></tr>
        <tr><td>A</td><td>3</td></tr><tr><td>B</td><td>4</td></tr>
        <tr><td>Total: Account</td><td>9</td></tr>
        <tr><td>Total: Campaigns</td><td>7</td></tr>
      </table>`);
    const r = readPage(doc, null);
    expect(r.rows.map((x) => x.campaign.name)).toEqual(['A', 'B']);
    expect(r.totals).toEqual({ clicks: 7 });
  });

  it('decides 1,234 by the column: a decimal comma elsewhere in it makes 1,234 one point two', () => {
    const doc = page(`<table><tr><th>Campaign</th><th>Conversions</th><th>Impressions</th></tr>
      <tr><td>A</td><td>1,234</td><td>1,234</td></tr><tr><td>B</td><td>2,5</td><td>12,345</td></tr></table>`);
    expect(readPage(doc, null).rows.map((r) => r.metrics)).toEqual([
      { conversions: 1.234, impressions: 1234 },
      { conversions: 2.5, impressions: 12345 },
    ]);
  });

  it('decides 1.234 by the page language when the column has no evidence', () => {
    const html = `<table><tr><th>Campaign</th><th>Conversions</th></tr><tr><td>A</td><td>1.234</td></tr></table>`;
    expect(readPage(page(html, 'de'), null).rows[0]?.metrics).toEqual({ conversions: 1234 });
    expect(readPage(page(html, 'en'), null).rows[0]?.metrics).toEqual({ conversions: 1.234 });
  });
});

describe('e-mail lists', () => {
  it("reads a percentage in a volume's column as its rate, and a rate in parentheses after a count", () => {
    const doc = page(`<table><tr><th>Campaign</th><th>Recipients</th><th>Opens</th><th>Clicks</th></tr>
      <tr><td>Newsletter</td><td>1,000</td><td>27.8%</td><td>52 (5.2%)</td></tr></table>`);
    expect(readPage(doc, null).rows[0]?.metrics).toEqual({ sent: 1000, openRate: 0.278, clicks: 52, clickRate: 0.052 });
  });

  it('reads record blocks (cards) with inline labels', () => {
    const doc = page(`
      <section><h2>Campaigns</h2>
        <article><h3>Welcome</h3><p>Sent: 1,200</p><p>Opens: 600</p><p>Unsubscribes: 4</p></article>
        <article><h3>Reminder</h3><p>Sent: 800</p><p>Opens: 300</p><p>Unsubscribes: 0</p></article>
      </section>`);
    expect(readPage(doc, null).rows).toEqual([
      { campaign: { id: null, name: 'Welcome' }, metrics: { sent: 1200, opens: 600, unsubscribes: 4 } },
      { campaign: { id: null, name: 'Reminder' }, metrics: { sent: 800, opens: 300, unsubscribes: 0 } },
    ]);
  });

  it('does not take scorecards (one metric each) for a list of records', () => {
    const doc = page(
      `<div class="cards"><div><span>Clicks</span><b>8.6K</b></div><div><span>Impr.</span><b>492K</b></div><div><span>Cost</span><b>$7.92K</b></div><div><span>Conversions</span><b>12</b></div></div>`,
    );
    expect(pickGrid(doc, null)).toBeNull();
  });
});

describe('summary labels', () => {
  it.each([
    ['Total', true, 3],
    ['Total: Campaigns', true, 3],
    ['Total: All but removed campaigns', true, 3],
    ['Total : toutes les campagnes, sauf celles supprimées', true, 3],
    ['Gesamt', true, 3],
    ['Totaal', true, 3],
    ['Results from 6 campaigns', true, 3],
    ['Total: Account', true, 2],
    ['Total: Campaign', true, 2],
    ['Total: Search', true, 1],
    ['Total Recall – promo', false, 1],
    ['Totally new', false, 1],
  ])('%s', (label, summary, scope) => {
    expect(isSummaryLabel(label)).toBe(summary);
    if (summary) expect(summaryScope(label)).toBe(scope);
  });
});

describe('visibleLines', () => {
  it('leaves out what the user does not read and breaks lines at blocks', () => {
    const { document } = parseHTML(
      '<div id="c"><span class="cdk-visually-hidden">hidden</span><i class="material-icons">edit</i><span>58</span><div>Website leads</div><div hidden>x</div><div style="display: none">y</div><button>Edit</button><span aria-hidden="true">z</span></div>',
    );
    const cell = document.getElementById('c') as unknown as Element;
    expect(visibleLines(cell, { skipControls: true })).toEqual(['58', 'Website leads']);
    expect(visibleLines(cell)).toEqual(['58', 'Website leads', 'Edit']);
  });
});
