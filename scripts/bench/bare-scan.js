// The bare CSV scan cli-streaming.ts measures the CLI against: read every record of a file with one
// parser and nothing else. Plain JavaScript that imports only the parser it measures: run from
// cli-streaming.ts itself, the scan loaded the benchmark's TypeScript sources first (10-row file:
// 0.45-0.5 s of CPU against 0.04 s), which flattered every ratio measured against it before round 14.
// Run: node scripts/bench/bare-scan.js PARSER FILE   (prints the records read)
//      node scripts/bench/bare-scan.js PARSER --probe (fails when the parser is not installed)
// PARSER: csv-parse, papaparse, csv-records (the reader's own splitter, from the built lib/), or one
// installed with `npm install --no-save csv-parser @fast-csv/parse udsv`.
import { createReadStream } from 'node:fs';

const CHUNK = { highWaterMark: 1 << 20 };

/** The module a parser is loaded from: its package, or for csv-records the built reader. */
const moduleOf = (parser) =>
  parser === 'csv-records' ? '../../lib/salesforce/exports/csv-records.js' : parser;

/** Records read from `file` by `parser`, loaded only when asked for (its load is part of its cost). */
async function scan(parser, file) {
  let rows = 0;
  const count = () => void (rows += 1);
  const loaded = await import(moduleOf(parser));
  if (parser === 'csv-parse') {
    const { parse } = loaded;
    const records = createReadStream(file, CHUNK).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
    );
    for await (const record of records) if (record.length > 0) count();
  } else if (parser === 'papaparse') {
    const { default: Papa } = loaded;
    const stream = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true });
    createReadStream(file, CHUNK).pipe(stream);
    await new Promise((resolve, reject) =>
      stream.on('data', count).on('end', resolve).on('error', reject),
    );
  } else if (parser === 'csv-records') {
    const { csvRecords } = loaded;
    for await (const batch of csvRecords(createReadStream(file, CHUNK))) rows += batch.length;
  } else if (parser === 'udsv') {
    // udsv parses strings: decode the pieces, as its incremental API expects.
    const { inferSchema, initParser } = loaded;
    let udsv;
    for await (const text of createReadStream(file, { ...CHUNK, encoding: 'utf8' })) {
      udsv ??= initParser(inferSchema(text, { col: ',', encl: '"' }));
      udsv.chunk(text, udsv.stringArrs, count);
    }
    udsv?.end();
    rows += 1; // udsv takes the header row as the schema's
  } else if (parser === 'csv-parser') {
    const { default: csv } = loaded;
    for await (const record of createReadStream(file, CHUNK).pipe(csv({ headers: false })))
      if (record) count();
  } else if (parser === '@fast-csv/parse') {
    const { parse } = loaded;
    for await (const record of createReadStream(file, CHUNK).pipe(parse({}))) if (record) count();
  } else throw new Error(`unknown parser ${parser}`);
  return rows;
}

const [parser, file] = process.argv.slice(2);
if (!parser || !file) throw new Error('usage: bare-scan.js PARSER FILE|--probe');
if (file === '--probe') await import(moduleOf(parser));
else console.log(await scan(parser, file));
