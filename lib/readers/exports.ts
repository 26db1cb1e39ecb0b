/**
 * Console exports (`.csv`, `.tsv`, `.txt`) through the same header and value layers as pages: encoding sniffed
 * (UTF-16LE/BE or UTF-8 byte-order mark, else UTF-8, else Windows-1252), separator (tab, comma, semicolon, pipe)
 * chosen by the header row it yields, title lines above the header (the range), footer lines below (Microsoft's
 * copyright, Meta's "No data available.").
 *
 * papaparse lives here only: the content script never imports this file.
 */
import Papa from 'papaparse';
import type { DateRange } from '../domain/dates';
import { adapterForExport } from './consoles';
import { parseDateRange, parseDay } from './dates';
import { type Extraction, ReadError, type ReadResult, validateExtraction } from './extraction';
import { planColumns } from './headers';
import { assemble, rolesOf, type SourceTable } from './table';

/** Bytes → text: a byte-order mark decides; without one, UTF-16 shows as every other byte zero. */
export function decodeText(bytes: Uint8Array): string {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    const n = Math.min(bytes.length, 400);
    for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
    if (oddZeros > n / 4 && evenZeros === 0) return new TextDecoder('utf-16le').decode(bytes);
    if (evenZeros > n / 4 && oddZeros === 0) return new TextDecoder('utf-16be').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Windows-1252's bytes 0x80–0x9F (€, curly quotes, dashes, œ…), where it differs from Latin-1; 0 where the code
 * page leaves the byte undefined (kept as the C1 control, as browsers do). Node's TextDecoder takes
 * `windows-1252` for Latin-1 and would read `€` (0x80) as a control character, so the table is written out.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 bytes → text, the same in Node and in the browser. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || b : b;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

const DELIMITERS = ['\t', ';', ',', '|'] as const;

type Sheet = { rows: string[][]; header: number; score: number; width: number };

/** The header row: the first of the best rows, scored by the metric keys its words name. */
function findHeader(rows: string[][]): { header: number; score: number; width: number } {
  let best = { header: -1, score: 0, width: 0 };
  for (let i = 0; i < Math.min(rows.length, 60); i++) {
    const row = rows[i] as string[];
    if (row.length < 2) continue;
    const plan = planColumns(row, rolesOf({ headers: row, hooks: [], rows: [], root: null }, null));
    const score = plan.score * 10 + (plan.name !== null ? 1 : 0);
    if (score > best.score) best = { header: i, score, width: row.length };
  }
  return best;
}

function parseSheet(text: string): Sheet | null {
  let best: Sheet | null = null;
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
    const rows = parsed.data.filter((r): r is string[] => Array.isArray(r));
    const { header, score, width } = findHeader(rows);
    if (header < 0) continue;
    if (!best || score > best.score || (score === best.score && width > best.width)) best = { rows, header, score, width };
  }
  return best;
}

const START_LABEL =
  /(?:report start|start date|reporting starts?|date de d[ée]but|startdatum|fecha de inicio|data di inizio|data de in[ií]cio)\s*:\s*(.+?)(?=,?\s*(?:report end|end date|reporting ends?|date de fin|enddatum|einddatum|fecha de (?:fin|finalizaci[oó]n)|data di fine|data de t[ée]rmino)\s*:|$)/i;
const END_LABEL =
  /(?:report end|end date|reporting ends?|date de fin|enddatum|einddatum|fecha de (?:fin|finalizaci[oó]n)|data di fine|data de t[ée]rmino)\s*:\s*(.+)$/i;

/** The range in the title lines: `November 1, 2026 - November 23, 2026`, `Report Time: 11/1/2026 - 11/23/2026`, `Report Start: …` + `Report End: …`. */
function preambleRange(lines: string[]): DateRange | null {
  for (const line of lines) {
    const range = parseDateRange(line);
    if (range) return range;
  }
  let start: string | null = null;
  let end: string | null = null;
  for (const line of lines) {
    const s = START_LABEL.exec(line);
    if (s && !start) start = parseDay(stripTime(s[1] as string));
    const e = END_LABEL.exec(line);
    if (e && !end) end = parseDay(stripTime(e[1] as string));
  }
  return start && end && start <= end ? { start, end } : null;
}

const stripTime = (s: string) => s.replace(/,?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?.*$/i, '').trim();

/**
 * Reads a console export. Throws a {@link ReadError} when no header row names a metric, or when no data row
 * follows it (an export saying "No data available."). `url`: the console page it came from, when known.
 */
export function readExport(bytes: Uint8Array, fileName: string | null = null, url: string | null = null): Extraction {
  const text = decodeText(bytes);
  const sheet = parseSheet(text);
  if (!sheet) throw new ReadError('no-grid', 'no header row with recognisable metric columns in this file');
  const headers = (sheet.rows[sheet.header] as string[]).map((h) => h.trim());
  const preamble = sheet.rows
    .slice(0, sheet.header)
    .map((r) => r.join(' ').trim())
    .filter(Boolean);
  // Footer and message lines (one field: "No data available.", "©2026 Microsoft Corporation…") are not rows.
  const body = sheet.rows.slice(sheet.header + 1).filter((r) => r.length >= 2 && r.some((f) => f.trim() !== ''));
  let pageUrl: URL | null = null;
  try {
    pageUrl = url ? new URL(url) : null;
  } catch {
    pageUrl = null;
  }
  const adapter = adapterForExport(headers, preamble, fileName, pageUrl);
  const table: SourceTable = { headers, hooks: headers.map(() => null), rows: body.map((cells) => ({ cells })), root: null };
  const plan = planColumns(headers, rolesOf(table, adapter), adapter?.email ?? null);
  if (plan.score === 0) throw new ReadError('no-grid', 'no header row with recognisable metric columns in this file');
  const read = assemble(table, plan, { adapter, lang: null, fromExport: true });
  if (read.rows.length === 0) throw new ReadError('no-rows', 'the export has no data row');
  return validateExtraction({
    console: adapter?.id ?? 'generic',
    account: read.account,
    dateRange: read.dateRange ?? preambleRange(preamble),
    currency: read.currency,
    rows: read.rows,
    totals: read.totals,
  });
}

/** {@link readExport} without exceptions, for callers that show the reason. */
export function tryReadExport(bytes: Uint8Array, fileName: string | null = null, url: string | null = null): ReadResult {
  try {
    return { ok: true, extraction: readExport(bytes, fileName, url) };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, code: e.code, reason: e.message };
    throw e;
  }
}
