/**
 * Column headers → canonical metric keys, in EN, FR, DE, ES, IT, PT and NL (and a few more), as the consoles
 * word them. Exact matches after normalising (case, accents, dots, spaces around `/`, a currency in
 * parentheses), never substrings: `Search lost IS (budget)` is not `Budget`, `Avg. target CPA` is not `CPA`,
 * `Conv. (Platform Comparable)` is not `Conversions`.
 *
 * When several columns feed one key, the higher rank wins (`Clicks (all)` over `Link clicks`' pair,
 * `Unique opens` over `Total opens`, `Total bounces` over `Soft bounces`), then the first column.
 */
import { METRIC_KEYS, type MetricKey } from '../domain/metrics';
import { currencyInHeader } from './currency';
import { fold } from './text';

/** What a column holds, when we know. */
export type ColumnRole =
  | { kind: 'metric'; key: MetricKey | 'clickRateOrCtr'; rank: number; part?: boolean }
  | { kind: 'name'; rank: number; entity: Entity }
  | { kind: 'id'; rank: number; entity: Entity }
  | { kind: 'currency' }
  | { kind: 'account' }
  | { kind: 'resultType' }
  | { kind: 'reportStart' }
  | { kind: 'reportEnd' };
export type Entity = 'campaign' | 'adgroup' | 'ad' | 'any';

/**
 * `Clicks (all)`-style pairs: Meta's `CPC (all)`/`CTR (all)` match `Clicks (all)` (rank 3) and win over the
 * link-click pair (rank 1) — DESIGN.md, "Which column feeds which key".
 */
const METRICS: [MetricKey | 'clickRateOrCtr', number, string][] = [
  // ── cost ──
  [
    'cost',
    2,
    'Cost | Costs | Spend | Spent | Amount spent | Total spent | Total spend | Ad spend | Media cost | Total cost | Total Spent | Cost (converted currency)',
  ],
  ['cost', 2, 'Coût | Coûts | Dépenses | Montant dépensé | Dépense | Coût total | Montant investi | Budget dépensé'],
  ['cost', 2, 'Kosten | Ausgaben | Ausgegebener Betrag | Gesamtkosten | Ausgegeben'],
  ['cost', 2, 'Coste | Costo | Importe gastado | Gasto | Gastos | Coste total | Costo total | Importe invertido | Inversión'],
  ['cost', 2, 'Importo speso | Spesa | Costo totale | Spesa totale'],
  ['cost', 2, 'Custo | Valor usado | Valor gasto | Montante gasto | Investimento | Gasto total | Custo total'],
  ['cost', 2, 'Besteed bedrag | Uitgaven | Uitgegeven bedrag | Totale kosten'],
  [
    'cost',
    2,
    'Koszt | Wydana kwota | Kostnad | Spenderat belopp | Forbrukt beløp | Brugt beløb | Kulut | Náklady | Расход | Harcanan tutar | 費用',
  ],
  // ── impressions, reach, frequency ──
  ['impressions', 2, 'Impressions | Impr. | Impr | Impressions (total) | Total impressions'],
  [
    'impressions',
    2,
    'Impressionen | Impressiones | Impresiones | Impressioni | Impressões | Vertoningen | Weergaven | Wyświetlenia | Visningar | Exponeringar | Показы | Gösterim',
  ],
  ['reach', 2, 'Reach | Couverture | Portée | Reichweite | Alcance | Copertura | Bereik | Zasięg | Räckvidd | Охват'],
  [
    'frequency',
    2,
    'Frequency | Répétition | Fréquence | Frequenz | Frecuencia | Frequenza | Frequência | Frequentie | Częstotliwość | Frekvens',
  ],
  // ── clicks ──
  ['clicks', 2, 'Clicks | Clics | Klicks | Clic | Cliques | Klikken | Kliknięcia | Klick | Klikk | Klik | Клики | Tıklama'],
  [
    'clicks',
    3,
    'Clicks (all) | Clics (tous) | Klicks (alle) | Clics (todos) | Clic (tutti) | Cliques (todos) | Klikken (alle) | Unique clicks | Clics uniques | Eindeutige Klicks | Clics únicos | Clic unici | Cliques únicos | Unieke klikken',
  ],
  ['clicks', 1, 'Total clicks | Clics totaux | Klicks gesamt | Clics totales | Clic totali | Total de cliques | Totaal aantal klikken'],
  [
    'linkClicks',
    2,
    'Link clicks | Clics sur un lien | Clics sur le lien | Link-Klicks | Linkklicks | Clics en el enlace | Clic sul link | Cliques no link | Linkklikken | Klikken op link | Clicks (destination) | Destination clicks | Clicks to Landing Page | Landing page clicks',
  ],
  // ── rates of clicks: ad grids → ctr, e-mail grids → clickRate ──
  [
    'clickRateOrCtr',
    2,
    'CTR | Click-through rate | Clickthrough rate | Click Through Rate | Average CTR | Avg. CTR | Click rate | Taux de clics | Taux de clic | Taux de clics (CTR) | CTR moyen | Klickrate | Durchschn. CTR | Tasa de clics | Porcentaje de clics | CTR medio | Tasso di clic | Percentuale di clic | Taxa de cliques | CTR médio | Klikfrequentie | Klikratio | Gem. CTR',
  ],
  ['clickRateOrCtr', 3, 'CTR (all) | CTR (tous) | CTR (alle) | CTR (todos) | CTR (tutti) | Unique click rate'],
  [
    'ctr',
    1,
    'CTR (link click-through rate) | CTR (taux de clics sur le lien) | CTR (Link-Klickrate) | CTR (porcentaje de clics en el enlace) | CTR (percentuale di clic sul link) | CTR (taxa de cliques no link) | CTR (klikfrequentie voor links) | CTR (destination)',
  ],
  // ── costs per … ──
  [
    'cpc',
    2,
    'CPC | Avg. CPC | Average CPC | Cost per click | Avg. cost per click | CPC moy. | CPC moyen | Coût par clic | Coût moyen par clic | Durchschn. CPC | Kosten pro Klick | CPC medio | Coste por clic | Costo por clic | Costo per clic | CPC méd. | CPC médio | Custo por clique | Gem. CPC | Kosten per klik',
  ],
  ['cpc', 3, 'CPC (all) | CPC (tous) | CPC (alle) | CPC (todos) | CPC (tutti)'],
  [
    'cpc',
    1,
    'CPC (cost per link click) | CPC (coût par clic sur un lien) | CPC (Kosten pro Link-Klick) | CPC (costo por clic en el enlace) | CPC (coste por clic en el enlace) | CPC (costo per clic sul link) | CPC (custo por clique no link) | CPC (kosten per linkklik) | CPC (destination)',
  ],
  [
    'cpm',
    2,
    'CPM | Avg. CPM | Average CPM | CPM moy. | CPM moyen | Durchschn. CPM | CPM medio | CPM méd. | CPM médio | Gem. CPM | Cost per 1,000 impressions | CPM (cost per 1,000 impressions) | CPM (coût pour 1 000 impressions) | CPM (Kosten pro 1.000 Impressionen) | CPM (costo por 1000 impresiones) | CPM (coste por mil impresiones) | CPM (costo per 1000 impressioni) | CPM (custo por 1.000 impressões) | CPM (kosten per 1000 weergaven)',
  ],
  [
    'cpa',
    2,
    'Cost / conv. | Cost per conversion | Cost per conv. | CPA | Avg. CPA | Cost/conv. | Coût/conv. | Coût par conversion | Kosten/Conv. | Kosten/Konv. | Kosten pro Conversion | Kosten pro Konversion | Coste/conv. | Costo/conv. | Coste por conversión | Costo por conversión | Costo per conversione | Custo/conv. | Custo por conversão | Kosten per conversie | CPA (cost per action)',
  ],
  [
    'cpl',
    2,
    'Cost per lead | CPL | Coût par lead | Coût par prospect | Coût par piste | Kosten pro Lead | Coste por cliente potencial | Costo por cliente potencial | Costo per contatto | Costo per lead | Custo por lead | Custo por cadastro | Kosten per lead',
  ],
  [
    'costPerResult',
    2,
    'Cost per result | Cost per results | Coût par résultat | Kosten pro Ergebnis | Coste por resultado | Costo por resultado | Costo per risultato | Custo por resultado | Kosten per resultaat',
  ],
  // ── conversions and value ──
  [
    'conversions',
    2,
    'Conversions | Conv. | Conversiones | Conversioni | Conversões | Conversies | Konversionen | Konwersje | Konverteringar',
  ],
  [
    'conversionValue',
    2,
    "Conv. value | Conversion value | Total conv. value | Total Conversion Value | Conversions value | Revenue | Purchases conversion value | Website purchases conversion value | Valeur de conv. | Valeur de conversion | Valeur des conversions | Chiffre d'affaires | Revenus | Conv.-Wert | Konversionswert | Umsatz | Valor de conv. | Valor de conversión | Ingresos | Valore conv. | Valore di conversione | Entrate | Valor da conv. | Valor de conversão | Receita | Conv.-waarde | Conversiewaarde | Opbrengst | Omzet",
  ],
  [
    'conversionRate',
    2,
    'Conv. rate | Conversion rate | Conversion rate (CVR) | CVR | Taux de conv. | Taux de conversion | Konv.-Rate | Conv.-Rate | Conversion-Rate | Konversionsrate | Tasa de conv. | Tasa de conversión | Tasso di conv. | Tasso di conversione | Taxa de conv. | Taxa de conversão | Conv.-ratio | Conversieratio | Placed order rate',
  ],
  [
    'roas',
    2,
    'ROAS | Conv. value / cost | Conv. value/cost | Return on ad spend | Purchase ROAS (return on ad spend) | Website purchase ROAS (return on ad spend) | Valeur de conv. / coût | Valeur de conv./coût | Conv.-Wert/Kosten | Valor de conv./coste | Valor conv./costo | Valore conv./costo | Valor da conv./custo | Conv.-waarde/kosten',
  ],
  ['leads', 2, 'Leads | Lead | Prospects | Pistes | Clientes potenciales | Contatti | Cadastros | Leads (form) | Website leads'],
  ['results', 2, 'Results | Résultats | Ergebnisse | Resultados | Risultati | Resultaten'],
  // ── e-mail ──
  [
    'sent',
    2,
    'Sent | Emails sent | E-mails sent | Recipients | Total recipients | Envoyés | Envoyé | Envois | E-mails envoyés | Destinataires | Gesendet | Versendet | Empfänger | Enviados | Destinatarios | Inviati | Inviate | Destinatari | Destinatários | Verzonden | Ontvangers',
  ],
  [
    'delivered',
    2,
    'Delivered | Successful deliveries | Deliveries | Délivrés | Délivré | Livrés | Distribués | Zugestellt | Entregados | Consegnati | Consegnate | Recapitati | Entregues | Afgeleverd | Bezorgd',
  ],
  ['opens', 2, 'Opens | Opened | Ouvertures | Ouverts | Öffnungen | Geöffnet | Aperturas | Aperture | Aberturas | Openingen | Geopend'],
  [
    'opens',
    3,
    'Unique opens | Ouvertures uniques | Eindeutige Öffnungen | Aperturas únicas | Aperture uniche | Aberturas únicas | Unieke openingen',
  ],
  [
    'opens',
    1,
    'Total opens | Ouvertures totales | Öffnungen gesamt | Aperturas totales | Aperture totali | Total de aberturas | Totaal aantal openingen',
  ],
  [
    'openRate',
    2,
    "Open rate | Unique open rate | Taux d'ouverture | Öffnungsrate | Tasa de apertura | Tasso di apertura | Taxa de abertura | Openingspercentage | Openratio",
  ],
  [
    'unsubscribes',
    2,
    'Unsubscribes | Unsubscribed | Unsubscriptions | Désinscriptions | Désabonnements | Désinscrits | Abmeldungen | Bajas | Cancelaciones de suscripción | Disiscrizioni | Cancellazioni | Descadastros | Cancelamentos de inscrição | Afmeldingen | Uitschrijvingen',
  ],
  ['bounces', 2, 'Bounces | Bounced | Rebonds | Rebotes | Rimbalzi | Rejeições | Devoluções'],
  ['bounces', 3, 'Total bounces | Total des rebonds | Bounces gesamt | Rebotes totales | Rimbalzi totali | Total de rejeições'],
  [
    'bounces',
    0,
    'Hard bounces | Soft bounces | Rebonds durs | Rebonds doux | Hardbounces | Softbounces | Rebotes duros | Rebotes suaves | Hard bounce | Soft bounce',
  ],
  // ── budget, as shown ──
  [
    'budget',
    2,
    'Budget | Daily budget | Budget quotidien | Budget journalier | Tagesbudget | Presupuesto | Presupuesto diario | Budget giornaliero | Orçamento | Orçamento diário | Dagbudget',
  ],
];

const NAMES: [Entity, number, string][] = [
  [
    'campaign',
    2,
    'Campaign | Campaigns | Campaign name | Name of campaign | Campagne | Campagnes | Nom de la campagne | Nom de campagne | Kampagne | Kampagnen | Kampagnenname | Name der Kampagne | Campaña | Campañas | Nombre de la campaña | Nombre de campaña | Campagna | Nome campagna | Nome della campagna | Campanha | Nome da campanha | Campagnenaam | Naam campagne | E-mail campaign | Email campaign',
  ],
  ['any', 1, 'Name | Title | Nom | Titre | Titel | Nombre | Título | Titolo | Nome | Naam | E-mail | Email'],
  [
    'adgroup',
    3,
    "Ad group | Ad group name | Ad set | Ad set name | Groupe d'annonces | Nom du groupe d'annonces | Ensemble de publicités | Nom de l'ensemble de publicités | Anzeigengruppe | Anzeigengruppenname | Name der Anzeigengruppe | Grupo de anuncios | Conjunto de anuncios | Nombre del conjunto de anuncios | Nombre del grupo de anuncios | Gruppo di annunci | Gruppo di inserzioni | Nome del gruppo di inserzioni | Nome del gruppo di annunci | Grupo de anúncios | Conjunto de anúncios | Nome do conjunto de anúncios | Nome do grupo de anúncios | Advertentiegroep | Advertentieset | Naam advertentieset",
  ],
  [
    'ad',
    4,
    "Ad name | Nom de la publicité | Nom de l'annonce | Anzeigenname | Name der Anzeige | Nombre del anuncio | Nome dell'inserzione | Nome dell'annuncio | Nome do anúncio | Advertentienaam",
  ],
];

const IDS: [Entity, number, string][] = [
  [
    'campaign',
    2,
    'Campaign ID | Unique Id | ID de la campagne | ID de campagne | Kampagnen-ID | ID der Kampagne | ID de campaña | ID de la campaña | ID campagna | ID della campagna | ID da campanha | Campagne-ID',
  ],
  ['any', 1, 'ID | Id'],
  [
    'adgroup',
    3,
    "Ad group ID | Ad set ID | ID du groupe d'annonces | ID de l'ensemble de publicités | Anzeigengruppen-ID | ID del grupo de anuncios | ID del conjunto de anuncios | ID gruppo di annunci | ID do conjunto de anúncios | Advertentiegroep-ID",
  ],
  ['ad', 4, "Ad ID | ID de la publicité | Anzeigen-ID | ID del anuncio | ID dell'inserzione | ID do anúncio"],
];

const OTHERS: [ColumnRole, string][] = [
  [
    { kind: 'currency' },
    'Currency | Currency code | Devise | Code de devise | Code devise | Währung | Währungscode | Moneda | Código de moneda | Divisa | Valuta | Codice valuta | Moeda | Código da moeda | Valutacode',
  ],
  [
    { kind: 'account' },
    'Customer ID | Account ID | Account number | Ad account ID | ID du compte | ID client | Numéro de compte | Kunden-ID | Konto-ID | Kontonummer | ID de cliente | ID de la cuenta | Número de cuenta | ID cliente | ID account | ID da conta | Klant-ID | Account-ID',
  ],
  [
    { kind: 'resultType' },
    'Result type | Result indicator | Type de résultat | Indicateur de résultat | Indicateur de résultats | Ergebnistyp | Ergebnisindikator | Tipo de resultado | Indicador de resultado | Indicador de resultados | Tipo di risultato | Indicatore di risultato | Indicatore dei risultati | Resultaattype | Resultaatindicator',
  ],
  [
    { kind: 'reportStart' },
    'Reporting starts | Reporting start | Début des rapports | Début du rapport | Berichtsbeginn | Beginn des Berichtszeitraums | Inicio del informe | Inicio de los informes | Inizio report | Inizio dei report | Início dos relatórios | Início do relatório | Begin rapportage | Start rapportage',
  ],
  [
    { kind: 'reportEnd' },
    'Reporting ends | Reporting end | Fin des rapports | Fin du rapport | Berichtsende | Ende des Berichtszeitraums | Fin del informe | Fin de los informes | Fine report | Fine dei report | Término dos relatórios | Fim do relatório | Einde rapportage | Eind rapportage',
  ],
];

/**
 * The form headers are compared in: folded (case, accents), currency in parentheses and dots dropped,
 * `1,000`/`1 000`/`1.000` as `1000`, no spaces around `/`, `:` at the end dropped.
 */
export function normalizeHeader(text: string): string {
  return fold(text)
    .replace(/\((?:[a-z]{3}|[€£$¥₹])\)/g, (m) => (/^\((?:all|ctr|cvr|cpa|cpc|cpm)\)$/.test(m) ? m : ''))
    .replace(/(\d)[ .,](000)/g, '$1$2')
    .replace(/\./g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const TABLE = new Map<string, ColumnRole>();
const add = (role: ColumnRole, words: string) => {
  for (const w of words.split('|')) {
    const key = normalizeHeader(w);
    if (key && !TABLE.has(key)) TABLE.set(key, role);
  }
};
for (const [key, rank, words] of METRICS) add({ kind: 'metric', key, rank, ...(rank === 0 ? { part: true } : {}) }, words);
for (const [entity, rank, words] of NAMES) add({ kind: 'name', rank, entity }, words);
for (const [entity, rank, words] of IDS) add({ kind: 'id', rank, entity }, words);
for (const [role, words] of OTHERS) add(role, words);

/** What a header says its column holds, or null (status, bid strategy, optimisation score, custom `* …` columns…). */
export function roleOfHeader(text: string): ColumnRole | null {
  if (/^\s*\*/.test(text)) return null; // Meta's custom metrics: `* COST /Follow (IDR)`
  return TABLE.get(normalizeHeader(text)) ?? null;
}

/** Keys of e-mail grids: where one of them stands, a click rate is per delivered e-mail, not per impression. */
const EMAIL_KEYS = new Set<string>(['sent', 'delivered', 'opens', 'openRate', 'unsubscribes', 'bounces']);

/** A rate and the volume whose percentage a console may print in the volume's own column (Brevo's `5 127 (41,7 %)`). */
export const RATE_OF: Partial<Record<MetricKey, MetricKey>> = { opens: 'openRate', conversions: 'conversionRate' };

export type PlannedMetric = {
  key: MetricKey;
  /** Column(s): several for a sum of parts (hard + soft bounces). */
  cols: number[];
  /** A currency written in the header (`Amount spent (EUR)`). */
  currency: string | null;
};

export type ColumnPlan = {
  name: number | null;
  nameEntity: Entity;
  id: number | null;
  currency: number | null;
  account: number | null;
  resultType: number | null;
  reportStart: number | null;
  reportEnd: number | null;
  metrics: PlannedMetric[];
  /** An e-mail grid (clicks are per delivered e-mail). */
  email: boolean;
  /** Distinct metric keys read: how recognisable the grid is. */
  score: number;
};

const isMetricKey = (k: string): k is MetricKey => (METRIC_KEYS as readonly string[]).includes(k);

/**
 * Which column feeds which key. `roles[i]` is what header `i` holds (from its words, or a stable hook such as
 * Google's `essfield`). `email`: the console is an e-mail one (null: decide from the columns).
 */
export function planColumns(headers: string[], roles: (ColumnRole | null)[], email: boolean | null = null): ColumnPlan {
  const isEmail = email ?? roles.some((r) => r?.kind === 'metric' && EMAIL_KEYS.has(r.key));
  const best = new Map<MetricKey, { col: number; rank: number }>();
  const parts = new Map<MetricKey, number[]>();
  let name: { col: number; rank: number; entity: Entity } | null = null;
  const ids: { col: number; rank: number; entity: Entity }[] = [];
  const single: Partial<Record<'currency' | 'account' | 'resultType' | 'reportStart' | 'reportEnd', number>> = {};
  roles.forEach((role, col) => {
    if (!role) return;
    if (role.kind === 'metric') {
      const key = role.key === 'clickRateOrCtr' ? (isEmail ? 'clickRate' : 'ctr') : role.key;
      if (!isMetricKey(key)) return;
      if (role.part) {
        parts.set(key, [...(parts.get(key) ?? []), col]);
        return;
      }
      const seen = best.get(key);
      if (!seen || role.rank > seen.rank) best.set(key, { col, rank: role.rank });
    } else if (role.kind === 'name') {
      if (!name || role.rank > name.rank) name = { col, rank: role.rank, entity: role.entity };
    } else if (role.kind === 'id') {
      ids.push({ col, rank: role.rank, entity: role.entity });
    } else if (single[role.kind] === undefined) {
      single[role.kind] = col;
    }
  });
  for (const [key, cols] of parts) if (!best.has(key) && cols.length > 1) best.set(key, { col: -1, rank: 0 });
  const metrics: PlannedMetric[] = [];
  for (const [key, { col }] of best) {
    const cols = col === -1 ? (parts.get(key) ?? []) : [col];
    metrics.push({ key, cols, currency: currencyInHeader(headers[cols[0] as number] ?? '') });
  }
  metrics.sort((a, b) => (a.cols[0] as number) - (b.cols[0] as number));
  const chosen = name as { col: number; rank: number; entity: Entity } | null;
  const entity = chosen?.entity ?? 'any';
  const id =
    ids.filter((i) => i.entity === entity || i.entity === 'any' || entity === 'any').sort((a, b) => b.rank - a.rank)[0]?.col ?? null;
  return {
    name: chosen?.col ?? null,
    nameEntity: entity,
    id,
    currency: single.currency ?? null,
    account: single.account ?? null,
    resultType: single.resultType ?? null,
    reportStart: single.reportStart ?? null,
    reportEnd: single.reportEnd ?? null,
    metrics,
    email: isEmail,
    score: metrics.length,
  };
}
