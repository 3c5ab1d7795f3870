'use strict';
/**
 * The worker thread of read-ahead.ts. Plain JavaScript so that it starts in
 * milliseconds without a TypeScript loader. It runs the page query of `$all`
 * on its own read-only connection, page after page, each page's columns as
 * one flat array (the cheapest shape to pass between threads), keeping at
 * most `depth` pages unacknowledged. It ends after the first page that is
 * not full: that page reached the head.
 *
 * workerData: { file, sql, params, columns, depth } where params[0] is the
 * position to read after and the last parameter the page size.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const { file, sql, params, columns, depth } = workerData;
const pageSize = params[params.length - 1];
let pageQuery;
let unacknowledged = 0;
let done = false;

function readAhead() {
  while (!done && unacknowledged < depth) {
    const rows = pageQuery.all(...params);
    const flat = new Array(rows.length * columns);
    for (let r = 0; r < rows.length; r += 1)
      for (let c = 0; c < columns; c += 1) flat[r * columns + c] = rows[r][c];
    done = rows.length < pageSize;
    if (rows.length > 0) params[0] = rows[rows.length - 1][0];
    unacknowledged += 1;
    parentPort.postMessage({ flat, last: done });
  }
  if (done) parentPort.close();
}

/** Errors are passed as text: an SqliteError would reach the reader as a bare object. */
function guarded(step) {
  try {
    step();
  } catch (error) {
    done = true;
    parentPort.postMessage({ error: `${error.code || error.name}: ${error.message}` });
    parentPort.close();
  }
}

parentPort.on('message', () => {
  unacknowledged -= 1;
  guarded(readAhead);
});
guarded(() => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  pageQuery = db.prepare(sql).safeIntegers(true).raw(true);
  readAhead();
});
