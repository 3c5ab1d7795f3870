import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import {
  SISKEUDES_FILE_MAX_BYTES,
  SISKEUDES_TABLE_ROWS_MAX,
  SISKEUDES_UNPACKED_MAX_BYTES,
} from '../../limits';
import { importProblem, type ImportProblem } from './import-rules';
import { TABLE_SCHEMAS, type RawTable, type RawTables } from './siskeudes-tables';

/**
 * Reads a Siskeudes file into tables of text: a zip of `<Table>.csv` as
 * mdb-export writes them (the format OpenSID imports) or the Access database
 * itself. Only the tables the import knows are read; names match whatever
 * their case.
 */
export async function readSiskeudesFile(
  bytes: Buffer,
  unpackedMaxBytes = SISKEUDES_UNPACKED_MAX_BYTES,
): Promise<{ tables: RawTables } | { problems: ImportProblem[] }> {
  if (bytes.length > SISKEUDES_FILE_MAX_BYTES)
    return { problems: [importProblem('FILE_SIZE', 'file', 0, '', String(bytes.length))] };
  try {
    if (isZip(bytes)) return await readZip(bytes, unpackedMaxBytes);
    if (isAccessDatabase(bytes)) return await readAccessDatabase(bytes);
  } catch (error) {
    return { problems: [importProblem('FILE_READABLE', 'file', 0, '', (error as Error).message)] };
  }
  return {
    problems: [
      importProblem('FILE_READABLE', 'file', 0, '', bytes.subarray(0, 16).toString('hex')),
    ],
  };
}

const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/** Jet 3/4 (.mdb/.mde) and ACE (.accdb) files name their engine at byte 4. */
const isAccessDatabase = (bytes: Buffer) =>
  /^Standard (Jet|ACE) DB/.test(bytes.subarray(4, 19).toString('latin1'));

/** Canonical name of a known table, whatever case the file uses. */
const KNOWN = new Map(Object.keys(TABLE_SCHEMAS).map((name) => [name.toLowerCase(), name]));

async function readZip(
  bytes: Buffer,
  unpackedMaxBytes: number,
): Promise<{ tables: RawTables } | { problems: ImportProblem[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const tables = new Map<string, RawTable>();
  const problems: ImportProblem[] = [];
  let budget = unpackedMaxBytes;
  for (const entry of Object.values(zip.files)) {
    const base = entry.name.split('/').pop() ?? '';
    const name = KNOWN.get(base.replace(/\.csv$/i, '').toLowerCase());
    if (entry.dir || !name || !/\.csv$/i.test(base)) continue;
    const text = await unpacked(entry, budget);
    if (text === undefined)
      return { problems: [importProblem('FILE_SIZE', name, 0, '', `> ${unpackedMaxBytes}`)] };
    budget -= Buffer.byteLength(text);
    const read = readCsv(name, text);
    if ('problem' in read) problems.push(read.problem);
    else tables.set(name, read.table);
  }
  return problems.length > 0 ? { problems } : { tables };
}

/** An entry's text, or undefined once it outgrows what is left of the budget (read as a stream, never whole). */
function unpacked(entry: JSZip.JSZipObject, budget: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // JSZip's stream is an old-style readable (events, no async iteration); pausing it stops the inflating.
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= budget) chunks.push(chunk);
      else {
        stream.pause();
        stream.removeAllListeners();
        resolve(undefined);
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function readCsv(name: string, text: string): { table: RawTable } | { problem: ImportProblem } {
  try {
    const rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
      skip_empty_lines: true,
      // A row beyond the limit stops the parse: the file is refused, never read in part.
      to_line: SISKEUDES_TABLE_ROWS_MAX + 2,
    }) as Record<string, string>[];
    if (rows.length > SISKEUDES_TABLE_ROWS_MAX)
      return { problem: importProblem('TABLE_ROWS', name, 0, '', String(rows.length)) };
    return { table: { name, rows } };
  } catch (error) {
    return { problem: importProblem('CSV_PARSABLE', name, 0, '', (error as Error).message) };
  }
}

/**
 * mdb-reader is ESM-only; TypeScript compiles this import() to require(),
 * which Node 20.19+ serves for ES modules without a flag. Jest's own module
 * system cannot, so the .mdb path is exercised by the CLI, not by jest.
 */
async function readAccessDatabase(bytes: Buffer): Promise<{ tables: RawTables }> {
  const { default: MDBReader } = await import('mdb-reader');
  const reader = new MDBReader(bytes);
  const tables = new Map<string, RawTable>();
  for (const tableName of reader.getTableNames()) {
    const name = KNOWN.get(tableName.toLowerCase());
    if (!name) continue;
    const table = reader.getTable(tableName);
    if (table.rowCount > SISKEUDES_TABLE_ROWS_MAX)
      throw new Error(`${tableName}: ${table.rowCount} rows`);
    const rows = table
      .getData()
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [column.toLowerCase(), textOf(value)]),
        ),
      );
    tables.set(name, { name, rows });
  }
  return { tables };
}

/** Values as mdb-export would write them: dates as YYYY-MM-DD, numbers in plain decimal. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
