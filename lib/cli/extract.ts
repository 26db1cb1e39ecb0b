/**
 * `npm run --silent extract -- FILE [--url PAGE_URL]`
 * Reads a saved console page (`.html`) or a console export (`.csv`, `.tsv`, `.txt`) with the readers the content
 * script uses and prints one JSON object (DESIGN.md, `extract` contract). No readable grid or no data row: one
 * line on stderr, nothing on stdout, exit 1.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { readExport } from '../readers/exports';
import { type Extraction, ReadError } from '../readers/extraction';
import { readPage } from '../readers/read-page';

const USAGE = 'usage: extract FILE.html|FILE.csv [--url PAGE_URL]';

/** A refusal the user can act on; its message is the one line printed. */
export class ExtractCommandError extends Error {}

/** Reads one file: a page through linkedom, an export as bytes. Throws ExtractCommandError when it refuses. */
export function extractFile(file: string, url: string | null, readBytes: (path: string) => Uint8Array = readFileSync): Extraction {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    throw new ExtractCommandError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.html' || ext === '.htm') {
      const { document } = parseHTML(new TextDecoder().decode(bytes));
      return readPage(document as unknown as Document, url);
    }
    if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return readExport(bytes, file, url);
  } catch (e) {
    if (e instanceof ReadError) throw new ExtractCommandError(`${file}: ${e.message}`);
    throw e;
  }
  throw new ExtractCommandError(`${file}: unknown kind of file "${ext}" (${USAGE})`);
}

/** The text the command prints for these arguments; throws an ExtractCommandError when it refuses. */
export function extractCommand(args: readonly string[], readBytes?: (path: string) => Uint8Array): string {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (e) {
    throw new ExtractCommandError(`${(e as Error).message} (${USAGE})`);
  }
  if (parsed.positionals.length !== 1) throw new ExtractCommandError(`expected one file, got ${parsed.positionals.length} (${USAGE})`);
  const extraction = extractFile(parsed.positionals[0] as string, parsed.values.url ?? null, readBytes);
  return `${JSON.stringify(extraction, null, 2)}\n`;
}

function parseOptions(args: readonly string[]) {
  return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { url: { type: 'string' } } });
}

function main(): void {
  try {
    process.stdout.write(extractCommand(process.argv.slice(2)));
  } catch (e) {
    const message = e instanceof ExtractCommandError ? e.message : `unexpected error: ${(e as Error).message ?? String(e)}`;
    process.stderr.write(`extract: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = 1;
  }
}

// Run only as a command, not when a test imports `extractCommand`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
