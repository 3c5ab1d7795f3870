/**
 * Every queue, cache, waiter list, page size, retry count and timeout of
 * Kasdesa, named with its unit last. This module imports nothing, so every
 * floor may use it.
 */

/** A bound that must not be passed was reached; the caller refuses the work instead of growing. */
export class LimitExceededError extends Error {
  override readonly name = 'LimitExceededError';
  constructor(
    readonly limit: string,
    readonly max: number,
  ) {
    super(`Batas ${limit} (${max}) tercapai / limit ${limit} (${max}) reached`);
  }
}

// HTTP

/** A request body past this is refused (413) before it reaches the JSON parser's memory. */
export const REQUEST_BODY_MAX_BYTES = 64 * 1024;
/** A report request with `?after=` waits this long for the read models, then answers 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 2_000;
/** Shutdown waits this long for in-flight requests before cutting the remaining connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

// Read models

/** Report requests waiting for a position at once; past it they answer 503 at once instead of queueing. */
export const READ_MODEL_WAITERS_MAX = 1_000;
/** Events per page while the engine catches up: a page's events die young, before the GC copies them. */
export const PROJECTION_PAGE_MAX = 1024;
/** A rebuild saves about every million events, not per page: saving costs. */
export const CATCH_UP_UNSAVED_EVENTS_MAX = 1 << 20;
/** Live, the engine saves after this many unsaved events: a save blocks the loop, a crash only re-reads. */
export const LIVE_UNSAVED_EVENTS_MAX = 20_000;
/** …or this long after the first unsaved one. */
export const LIVE_SAVE_AFTER_MS = 30_000;
/** Rendered reports kept per engine position: distinct query parameters must not grow it without end. */
export const RENDERED_REPORTS_MAX = 500;
/** Public transparency pages kept rendered (one per village and year); past it the least recently asked goes. */
export const PUBLIC_PAGE_CACHE_ENTRIES_MAX = 200;
/** APBDes posters (A1 PDF, tens of KB each) kept built; past it the least recently asked goes. */
export const PUBLIC_POSTER_CACHE_ENTRIES_MAX = 50;

/** An evidence bundle downloaded over HTTP: its files' total size; past it the download is refused (the CLI writes any size). */
export const EVIDENCE_BUNDLE_MAX_BYTES = 64 * 1024 * 1024;
/** An evidence bundle download gathering its files for longer than this is given up. */
export const EVIDENCE_EXPORT_MAX_MS = 60_000;
/** Evidence bundles built at once (each held in memory up to EVIDENCE_BUNDLE_MAX_BYTES); past it a download answers 503. */
export const EVIDENCE_DOWNLOADS_MAX = 4;
/** A zipped bundle given to the verifier: its unpacked size; past it the archive is refused unread. */
export const EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES = 1024 * 1024 * 1024;

// Command handling

/** Streams whose folded state stays in memory between commands. */
export const STATE_CACHE_STREAMS_MAX = 1_000;
/** Events read per page while a stream is loaded. */
export const STREAM_LOAD_PAGE_MAX = 1_000;
/** Concurrent writes re-decided before the command gives up with a conflict. */
export const COMMAND_RETRIES_MAX = 3;

// Event store

/** Events per `$all` page when the caller names no page size. */
export const STORE_READ_PAGE_MAX = 4096;
/** Events per page a catch-up subscription reads. */
export const SUBSCRIPTION_PAGE_MAX = 1024;
/** How often in-process subscriptions look for appends made by another process on the same file. */
export const STORE_POLL_MS = 250;
/** Appends at `any`/`stream_exists` re-sealed against a moved head before giving up. */
export const HASH_CHAIN_APPEND_RETRIES_MAX = 10;
/** Streams whose last hash the hash chain remembers (immutable, so reuse is always safe). */
export const HASH_CHAIN_HEADS_MAX = 20_000;
/** More streams than a regency has in years of use; past it the stream-head cache starts over. */
export const STREAM_HEADS_MAX = 100_000;
/** Distinct read statements prepared per connection; filters of many shapes must not grow it without end. */
export const PREPARED_STATEMENTS_MAX = 256;
/** How long SQLite waits for another connection's lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** Pages a read-ahead worker fetches ahead of its reader: enough to keep it busy while one is worked on. */
export const READ_AHEAD_PAGES_MAX = 4;
/** Lone writes committed at once per turn of the event loop before writes are grouped again. */
export const GROUP_COMMIT_AT_ONCE_PER_TURN_MAX = 8;
/** Writes grouped into one transaction; a larger burst commits in several. */
export const GROUP_COMMIT_BATCH_MAX = 1_000;
/** Raw `$all` events fetched from EventStoreDB per round trip while filtering on our side… */
export const ESDB_READ_BATCH_MAX = 4096;
/** …and at least this many, so a small page does not cost many round trips. */
export const ESDB_READ_BATCH_MIN = 64;
/** An EventStoreDB subscription pauses the server stream while this many events wait for the subscriber… */
export const ESDB_SUBSCRIPTION_QUEUE_MAX = 1024;
/** …and resumes it below this many. */
export const ESDB_SUBSCRIPTION_RESUME_MAX = 256;
/** Pending `next()` calls on one subscription: a for-await loop has one. */
export const SUBSCRIPTION_WAITERS_MAX = 16;

// Migration between stores

/** Source events read per `$all` page while migrating. */
export const MIGRATION_PAGE_MAX = 1_000;
/** Events per append to the target. */
export const MIGRATION_BATCH_EVENTS_MAX = 500;
/** Half of EventStoreDB's default 1 MiB append limit: room for the protocol's own overhead. */
export const MIGRATION_BATCH_MAX_BYTES = 512 * 1024;

// Logins and sessions

/** Lifetime of a session from login: one working day. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** Sessions one user may hold at once; a further login ends the oldest (memory stays bounded by users). */
export const SESSIONS_PER_USER_MAX = 20;
/** Failed logins allowed per throttle key within the window. */
export const LOGIN_FAILURES_MAX = 5;
/** The window LOGIN_FAILURES_MAX counts in. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Event time between two sweeps of expired sessions and stale failures out of the fold. */
export const SESSION_SWEEP_INTERVAL_MS = 60 * 1000;

/** How often the follower reads what other instances appended: a logout there applies here within it. */
export const SESSION_FOLLOW_INTERVAL_MS = 250;
/** Appends retried after another instance wrote first, each on the stream as then read. */
export const SESSION_APPEND_RETRIES_MAX = 5;
/** Events read per request while catching up. */
export const SESSION_READ_PAGE_MAX = 1000;

// Operators

/** Without a terminal, a long CLI command writes one progress line this often. */
export const PROGRESS_LOG_INTERVAL_MS = 10_000;
/** scrypt's memory bound: room above the 32 MiB its cost needs, which Node's default bound refuses. */
export const SCRYPT_MEMORY_MAX_BYTES = 64 * 1024 * 1024;

/** Lifetime of the login form's CSRF cookie: an hour to type a username and password. */
export const LOGIN_FORM_TTL_MS = 60 * 60 * 1000;

/** Positions in one ring of a registered region's boundary, and rings per boundary: a village outline, not a survey. */
export const REGION_BOUNDARY_POSITIONS_MAX = 5_000;

/** How stale a process's view of the registered regions may be: another process (the CLI) may have registered one. */
export const REGIONS_REFRESH_INTERVAL_MS = 2_000;

// Sync between a village node and the regency

/** Events per sync batch: one request's body stays small on a village's slow link. */
export const SYNC_BATCH_EVENTS_MAX = 500;
/** Streams a side may hold in quarantine before it stops taking batches at all: divergence is rare and needs people. */
export const SYNC_QUARANTINED_STREAMS_MAX = 1_000;
/** Batches in one push or pull: a village's few year streams, or the regency's few streams a village needs. */
export const SYNC_REQUEST_BATCHES_MAX = 16;
/** Streams named in one heads request or pull: a village's years and the regency streams it copies. */
export const SYNC_REQUEST_STREAMS_MAX = 64;
/** One sync request's body, counted after gzip is inflated: SYNC_REQUEST_BATCHES_MAX full batches of ordinary events. */
export const SYNC_BODY_MAX_BYTES = 32 * 1024 * 1024;
/** Requests one sync run makes before it stops and says so: a run that never ends is a fault, not progress. */
export const SYNC_ROUNDS_MAX = 10_000;
/** How often a node's contact is recorded at most: the monitoring's "last sync" is this fresh, and a node syncing every minute adds few events. */
export const SYNC_CONTACT_RECORD_INTERVAL_MS = 15 * 60 * 1000;
/** A signed sync file read for import: a village's years of events, not a disk image. */
export const SYNC_FILE_MAX_BYTES = 256 * 1024 * 1024;
// Project monitoring (issue 23)

/** Positions in one line or ring of a project's geometry, and lines or rings per geometry: a works drawing, not a survey. */
export const PROJECT_GEOMETRY_POSITIONS_MAX = 5_000;
/** Fund sources of one project's budget: a few sources, never a list to loop over. */
export const PROJECT_BUDGET_SOURCES_MAX = 10;
/** Photos with one progress report. */
export const PROJECT_PHOTOS_PER_REPORT_MAX = 10;
/** Samples along one line when comparing lines for duplicates: bounds the work of a 30 km canal. */
export const PROJECT_LINE_SAMPLES_MAX = 100;
/** One photo's bytes: a phone photo, not a raw camera file. */
export const PHOTO_MAX_BYTES = 12 * 1024 * 1024;
/** Bytes read at the start of an upload to tell its type by content. */
export const PHOTO_SNIFF_BYTES = 64;
/** Projects listed in one answer. */
export const PROJECT_LIST_MAX = 1_000;
/** Photo uploads read at once: each may hold PROJECT_PHOTOS_PER_REPORT_MAX × PHOTO_MAX_BYTES in memory. */
export const PHOTO_UPLOADS_IN_FLIGHT_MAX = 4;
/** Text fields of one multipart upload (the progress report's figures). */
export const UPLOAD_FIELDS_MAX = 20;
/** Bytes of one text field of a multipart upload. */
export const UPLOAD_FIELD_MAX_BYTES = 2_000;
// Siskeudes import

/** A Siskeudes file (zip of CSV or .mdb) accepted for one import: a village-year is a few MiB, a whole regency's .mdb more. */
export const SISKEUDES_FILE_MAX_BYTES = 64 * 1024 * 1024;
/** Text unpacked from one zip, all tables together: a zip bomb is refused before it fills memory. */
export const SISKEUDES_UNPACKED_MAX_BYTES = 512 * 1024 * 1024;
/** Rows read from one table (all villages in the file): beyond it the file is refused, not truncated. */
export const SISKEUDES_TABLE_ROWS_MAX = 200_000;
/** Problems listed in one refusal: the first ones show what is wrong; the count says how many more. */
export const SISKEUDES_PROBLEMS_MAX = 500;

// Command states warmed at start

/** Village year streams folded into the command side's state cache at start (newest years first); at most the cache's size. */
export const STATE_WARM_UP_STREAMS_MAX = 500;
/** Sets of read-model states whose rendered reports are kept at once (a state replaced by a rebuild starts a new set). */
export const RENDERED_STATE_SETS_MAX = 16;
