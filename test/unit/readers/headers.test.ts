import { describe, expect, it } from 'vitest';
import { type ColumnPlan, normalizeHeader, planColumns, roleOfHeader } from '@/lib/readers/headers';

const key = (h: string) => {
  const r = roleOfHeader(h);
  return r?.kind === 'metric' ? r.key : (r?.kind ?? null);
};
const plan = (headers: string[], email: boolean | null = null): ColumnPlan => planColumns(headers, headers.map(roleOfHeader), email);
const keysOf = (p: ColumnPlan) => Object.fromEntries(p.metrics.map((m) => [m.key, m.cols.length === 1 ? m.cols[0] : m.cols]));

describe('header words → keys, in seven languages', () => {
  it.each([
    // cost
    ['Cost', 'cost'],
    ['Coût', 'cost'],
    ['Kosten', 'cost'],
    ['Costo', 'cost'],
    ['Coste', 'cost'],
    ['Custo', 'cost'],
    ['Investimento', 'cost'],
    ['Importe gastado', 'cost'],
    ['Importo speso', 'cost'],
    ['Valor usado', 'cost'],
    ['Besteed bedrag', 'cost'],
    ['Amount spent (EUR)', 'cost'],
    ['Amount spent', 'cost'],
    ['Spent', 'cost'],
    ['Spend', 'cost'],
    ['Total Spent', 'cost'],
    // impressions, reach, frequency
    ['Impr.', 'impressions'],
    ['Impressions', 'impressions'],
    ['Impressionen', 'impressions'],
    ['Impresiones', 'impressions'],
    ['Impressioni', 'impressions'],
    ['Impressões', 'impressions'],
    ['Vertoningen', 'impressions'],
    ['Weergaven', 'impressions'],
    ['Reach', 'reach'],
    ['Couverture', 'reach'],
    ['Reichweite', 'reach'],
    ['Alcance', 'reach'],
    ['Bereik', 'reach'],
    ['Frequency', 'frequency'],
    ['Répétition', 'frequency'],
    // clicks
    ['Clicks', 'clicks'],
    ['Clics', 'clicks'],
    ['Klicks', 'clicks'],
    ['Clic', 'clicks'],
    ['Cliques', 'clicks'],
    ['Klikken', 'clicks'],
    ['Clicks (all)', 'clicks'],
    ['Link clicks', 'linkClicks'],
    ['Clics sur un lien', 'linkClicks'],
    ['Link-Klicks', 'linkClicks'],
    ['Clics en el enlace', 'linkClicks'],
    // costs per …
    ['Avg. CPC', 'cpc'],
    ['CPC moy.', 'cpc'],
    ['Durchschn. CPC', 'cpc'],
    ['CPC medio', 'cpc'],
    ['CPC méd.', 'cpc'],
    ['Gem. CPC', 'cpc'],
    ['Average CPC', 'cpc'],
    ['CPC (all)', 'cpc'],
    ['CPC (cost per link click)', 'cpc'],
    ['Cost / conv.', 'cpa'],
    ['Cost/conv.', 'cpa'],
    ['Coût/conv.', 'cpa'],
    ['Kosten/conv.', 'cpa'],
    ['Costo/conv.', 'cpa'],
    ['Custo/conv.', 'cpa'],
    ['Cost per conversion', 'cpa'],
    ['Cost per lead', 'cpl'],
    ['Avg. CPM', 'cpm'],
    ['CPM (cost per 1,000 impressions)', 'cpm'],
    ['Cost per result', 'costPerResult'],
    // conversions, value, rates
    ['Conversions', 'conversions'],
    ['Conv.', 'conversions'],
    ['Conversiones', 'conversions'],
    ['Conversioni', 'conversions'],
    ['Conversões', 'conversions'],
    ['Conversies', 'conversions'],
    ['Conv. value', 'conversionValue'],
    ['Revenue', 'conversionValue'],
    ['Conv. rate', 'conversionRate'],
    ['Taux de conv.', 'conversionRate'],
    ['Tasa de conv.', 'conversionRate'],
    ['Conv. value / cost', 'roas'],
    ['Leads', 'leads'],
    ['Results', 'results'],
    ['Résultats', 'results'],
    // e-mail
    ['Sent', 'sent'],
    ['Envoyés', 'sent'],
    ['Total Recipients', 'sent'],
    ['Delivered', 'delivered'],
    ['Délivrés', 'delivered'],
    ['Successful Deliveries', 'delivered'],
    ['Opens', 'opens'],
    ['Unique opens', 'opens'],
    ['Ouvertures', 'opens'],
    ['Öffnungen', 'opens'],
    ['Aperturas', 'opens'],
    ['Open rate', 'openRate'],
    ["Taux d'ouverture", 'openRate'],
    ['Taux d’ouverture', 'openRate'],
    ['Öffnungsrate', 'openRate'],
    ['Unsubscribes', 'unsubscribes'],
    ['Désinscriptions', 'unsubscribes'],
    ['Bounces', 'bounces'],
    ['Total Bounces', 'bounces'],
    ['Budget', 'budget'],
    // identity and facts
    ['Campaign', 'name'],
    ['Campagne', 'name'],
    ['Kampagne', 'name'],
    ['Campaña', 'name'],
    ['Nombre de la campaña', 'name'],
    ['Campaign name', 'name'],
    ['Campaign ID', 'id'],
    ['Unique Id', 'id'],
    ['Currency code', 'currency'],
    ['Result indicator', 'resultType'],
    ['Reporting starts', 'reportStart'],
    ['Reporting ends', 'reportEnd'],
  ])('%s → %s', (header, expected) => {
    expect(key(header)).toBe(expected);
  });

  it.each([
    'Status',
    'Campaign status',
    'Optimization score',
    'Optimisation score',
    'Bid strategy type',
    'Budget name',
    'Budget type',
    'Search lost IS (budget)',
    'Search impr. share',
    'Target CPA',
    'Avg. target CPA',
    'Interactions',
    'Interaction rate',
    'Avg. cost',
    'Original conv. value',
    'Conv. (Platform Comparable)',
    'Cost / Conv. (Platform Comparable)',
    'Cost per 1,000 Accounts Center accounts reached',
    'Outbound clicks',
    '* COST /Follow (IDR)',
    'Subject',
    'Send Date',
  ])('%s is no metric', (header) => {
    expect(roleOfHeader(header)?.kind === 'metric').toBe(false);
  });

  it('normalises case, accents, dots, slashes, currencies in parentheses and thousands in words', () => {
    expect(normalizeHeader('  Coût / Conv.  ')).toBe('cout/conv');
    expect(normalizeHeader('Amount spent (USD)')).toBe('amount spent');
    expect(normalizeHeader('CPM (cost per 1 000 impressions)')).toBe('cpm (cost per 1000 impressions)');
    expect(normalizeHeader('CTR (all)')).toBe('ctr (all)');
  });
});

describe('planColumns: which column feeds which key', () => {
  it('Meta: Clicks (all) → clicks, Link clicks → linkClicks, CPC/CTR from the (all) pair when it stands', () => {
    const p = plan([
      'Campaign name',
      'Link clicks',
      'Clicks (all)',
      'CTR (all)',
      'CPC (all)',
      'CTR (link click-through rate)',
      'CPC (cost per link click)',
    ]);
    expect(keysOf(p)).toEqual({ linkClicks: 1, clicks: 2, ctr: 3, cpc: 4 });
  });
  it('Meta: the link-click pair when no (all) pair stands', () => {
    const p = plan(['Campaign name', 'Link clicks', 'CPC (cost per link click)', 'CTR (link click-through rate)']);
    expect(keysOf(p)).toEqual({ linkClicks: 1, cpc: 2, ctr: 3 });
  });
  it('Google: Interactions are not clicks', () => {
    const p = plan(['Campaign', 'Impr.', 'Interactions', 'Interaction rate', 'Avg. cost', 'Cost']);
    expect(keysOf(p)).toEqual({ impressions: 1, cost: 5 });
  });
  it('Mailchimp: unique opens and clicks over totals, total bounces over soft/hard', () => {
    const p = plan([
      'Title',
      'Soft Bounces',
      'Hard Bounces',
      'Total Bounces',
      'Total Opens',
      'Unique Opens',
      'Unique Clicks',
      'Total Clicks',
      'Click Rate',
    ]);
    expect(keysOf(p)).toEqual({ bounces: 3, opens: 5, clicks: 6, clickRate: 8 });
  });
  it('hard and soft bounces add up only where no total stands', () => {
    expect(keysOf(plan(['Campaign', 'Sent', 'Hard bounces', 'Soft bounces']))).toEqual({ sent: 1, bounces: [2, 3] });
  });
  it('a click rate is clickRate in e-mail grids and ctr in ad grids', () => {
    expect(keysOf(plan(['Campagne', 'Envoyés', 'Clics', 'Taux de clics']))).toMatchObject({ clickRate: 3 });
    expect(keysOf(plan(['Campagne', 'Impressions', 'Clics', 'Taux de clics']))).toMatchObject({ ctr: 3 });
    expect(keysOf(plan(['Campaign', 'Click rate'], true))).toEqual({ clickRate: 1 });
  });
  it('the row entity is the identity: an ad group over its campaign', () => {
    const p = plan(['Campaign', 'Ad group', 'Ad group ID', 'Campaign ID', 'Clicks']);
    expect(p).toMatchObject({ name: 1, nameEntity: 'adgroup', id: 2 });
  });
  it('the currency in a header, the fact columns, the score', () => {
    const p = plan(['Campaign name', 'Reporting starts', 'Reporting ends', 'Amount spent (IDR)', 'Result type', 'Results', 'Currency']);
    expect(p).toMatchObject({ name: 0, reportStart: 1, reportEnd: 2, resultType: 4, currency: 6, score: 2 });
    expect(p.metrics[0]).toEqual({ key: 'cost', cols: [3], currency: 'IDR' });
  });
});
