// The persisted index: every article's summary with what identifies the file it came from (size, modification time,
// content hash), saved per workspace in the editor's storage folder, so the next start reads summaries instead of
// analysing every article again. A file whose size and time match is taken as it was saved; one whose time changed is
// re-read and kept when its content hash still matches; anything else is analysed again.
//
// The whole file is versioned: a file written by another format, summary version, codec, model, analysis code or
// analysis settings is discarded, and so is one whose checksum or contents do not hold (the index is rebuilt).
// Writes go to a temporary file renamed into place, so a crash mid-write leaves the old file or none.
// Layout: "CORRIDX\n", u32 header length, header JSON, SHA-1 of the payload (20 bytes), payload (plainCodec stream:
// entry count, then [path, size, mtimeMs, hash, summary] per entry, then the clusters: { configKey, groups }).
import { createHash } from 'node:crypto';
import { promises as fs, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findModelFile } from '../analysis/entities/model-file';
import type { AnalysisOptions } from '../analysis/types';
import type { FileMeta } from './analysisTask';
import { PLAIN_CODEC_VERSION, PlainReader, PlainWriter } from './plainCodec';
import { SUMMARY_VERSION, type ArticleSummary } from './summary';
import { nextTurn, TimeSlices } from './turns';

/** Bump when the file layout changes. */
export const INDEX_FILE_FORMAT = 1;
const MAGIC = Buffer.from('CORRIDX\n', 'latin1');

export interface PersistedEntry {
  readonly path: string;
  readonly meta: FileMeta;
  readonly summary: ArticleSummary;
}

export interface PersistedHeader {
  readonly format: number;
  readonly codec: number;
  readonly summaryVersion: number;
  /** The model, the analysis code and the analysis settings the summaries were made with. */
  readonly fingerprint: string;
  readonly folders: readonly string[];
  readonly savedAt: string;
  readonly entries: number;
}

/** The entity clusters when the index was saved (name ids per cluster), and the clustering configuration then. */
export interface PersistedClusters {
  readonly configKey: string;
  readonly groups: readonly (readonly string[])[];
}

export type LoadResult =
  | { readonly kind: 'loaded'; readonly entries: Map<string, PersistedEntry>; readonly header: PersistedHeader; readonly clusters?: PersistedClusters }
  | { readonly kind: 'absent' }
  | { readonly kind: 'discarded'; readonly reason: string };

/** The index file of a set of workspace folders inside a storage folder. */
export function indexFileFor(storageDir: string, folders: readonly string[]): string {
  const id = createHash('sha1').update([...folders].sort().join('\n')).digest('hex').slice(0, 16);
  return path.join(storageDir, `corroborate-index-${id}.bin`);
}

let modelHash: string | undefined;

/** What the summaries depend on besides the article itself: model bytes, analysis code, summary and codec versions,
 *  and the analysis settings. */
export function analysisFingerprint(options: AnalysisOptions, codeIdentity = codeFingerprint()): string {
  if (modelHash === undefined) {
    const file = findModelFile();
    modelHash = file ? createHash('sha1').update(readFileSync(file)).digest('hex') : 'no-model';
  }
  const settings = JSON.stringify({ numericDateOrder: options.numericDateOrder ?? 'auto', defaultArticleDate: options.defaultArticleDate ?? '' });
  return createHash('sha1').update(`${modelHash}\n${codeIdentity}\n${SUMMARY_VERSION}\n${PLAIN_CODEC_VERSION}\n${settings}`).digest('hex');
}

let codeHash: string | undefined;

/** The analysis code: the worker bundle's hash when running from dist/ (any rebuild changes it), else the source. */
export function codeFingerprint(): string {
  if (codeHash === undefined) {
    const bundle = path.join(__dirname, 'worker.js');
    codeHash = existsSync(bundle) ? createHash('sha1').update(readFileSync(bundle)).digest('hex') : 'source';
  }
  return codeHash;
}


/** Reads an index file; `fingerprint` is what the summaries must have been made with. Decodes in slices of about
 *  `sliceMs`, yielding to the event loop in between; `intern` (a string pool) gets the strings. Never throws. */
export async function loadPersistedIndex(file: string, fingerprint: string, sliceMs = 15, intern?: Map<string, string>): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'absent' } : { kind: 'discarded', reason: `cannot be read (${String(error)})` };
  }
  try {
    if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'discarded', reason: 'not a Corroborate index file' };
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const payloadStart = headerStart + headerLength + 20;
    if (payloadStart > bytes.length) return { kind: 'discarded', reason: 'truncated' };
    const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as PersistedHeader;
    if (header.format !== INDEX_FILE_FORMAT || header.codec !== PLAIN_CODEC_VERSION || header.summaryVersion !== SUMMARY_VERSION) {
      return { kind: 'discarded', reason: `written by another version (format ${header.format}, summaries ${header.summaryVersion})` };
    }
    if (header.fingerprint !== fingerprint) return { kind: 'discarded', reason: 'made with another model, analysis or date settings' };
    const payload = bytes.subarray(payloadStart);
    const checksum = bytes.subarray(headerStart + headerLength, payloadStart);
    const hash = createHash('sha1');
    for (let at = 0; at < payload.length; at += CHUNK) {
      hash.update(payload.subarray(at, Math.min(payload.length, at + CHUNK)));
      if (payload.length > CHUNK) await nextTurn();
    }
    if (!hash.digest().equals(checksum)) return { kind: 'discarded', reason: 'corrupt (checksum mismatch)' };
    const reader = new PlainReader(payload, intern);
    const count = reader.next();
    if (typeof count !== 'number') return { kind: 'discarded', reason: 'corrupt (no entry count)' };
    const entries = new Map<string, PersistedEntry>();
    const slices = new TimeSlices(sliceMs);
    for (let i = 0; i < count; i++) {
      const filePath = reader.next();
      const size = reader.next();
      const mtimeMs = reader.next();
      const hash = reader.next();
      const summary = reader.next() as ArticleSummary;
      if (typeof filePath !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof hash !== 'string' || !isSummary(summary)) {
        return { kind: 'discarded', reason: 'corrupt (malformed entry)' };
      }
      entries.set(filePath, { path: filePath, meta: { size, mtimeMs, hash }, summary });
      if (slices.due) await slices.next();
    }
    let clusters: PersistedClusters | undefined;
    if (!reader.done) {
      const extra = reader.next() as { configKey?: unknown; groups?: unknown };
      if (typeof extra?.configKey === 'string' && Array.isArray(extra.groups) && extra.groups.every((group) => Array.isArray(group) && group.every((id) => typeof id === 'string'))) {
        clusters = { configKey: extra.configKey, groups: extra.groups as string[][] };
      }
    }
    return { kind: 'loaded', entries, header, ...(clusters ? { clusters } : {}) };
  } catch (error) {
    return { kind: 'discarded', reason: `corrupt (${error instanceof Error ? error.message : String(error)})` };
  }
}

function isSummary(value: unknown): value is ArticleSummary {
  const summary = value as ArticleSummary;
  return (
    typeof summary === 'object' &&
    summary !== null &&
    summary.version === SUMMARY_VERSION &&
    Array.isArray(summary.entities) &&
    Array.isArray(summary.dates) &&
    Array.isArray(summary.figures) &&
    Array.isArray(summary.claims) &&
    Array.isArray(summary.definitions)
  );
}

/** Writes an index file (encoding in slices of about `sliceMs`, yielding in between); atomic by rename. */
export async function savePersistedIndex(
  file: string,
  info: { fingerprint: string; folders: readonly string[] },
  entries: readonly PersistedEntry[],
  sliceMs = 15,
  clusters?: PersistedClusters,
): Promise<void> {
  const writer = new PlainWriter();
  writer.write(entries.length);
  const slices = new TimeSlices(sliceMs);
  for (const entry of entries) {
    writer.write(entry.path);
    writer.write(entry.meta.size);
    writer.write(entry.meta.mtimeMs);
    writer.write(entry.meta.hash);
    writer.write(entry.summary);
    if (slices.due) await slices.next();
  }
  if (clusters) {
    // { configKey, groups }, a group at a time: 15,000 groups written at once held requests for 35 ms
    writer.beginObject(['configKey', 'groups']);
    writer.write(clusters.configKey);
    writer.beginArray(clusters.groups.length);
    for (const group of clusters.groups) {
      writer.write(group);
      if (slices.due) await slices.next();
    }
  }
  const parts = writer.finishParts();
  const header: PersistedHeader = {
    format: INDEX_FILE_FORMAT,
    codec: PLAIN_CODEC_VERSION,
    summaryVersion: SUMMARY_VERSION,
    fingerprint: info.fingerprint,
    folders: info.folders,
    savedAt: new Date().toISOString(),
    entries: entries.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  // the checksum in chunks, and the file in parts: no single step holds the event loop for long
  const hash = createHash('sha1');
  for (const part of parts) {
    for (let at = 0; at < part.length; at += CHUNK) {
      hash.update(part.subarray(at, Math.min(part.length, at + CHUNK)));
      if (part.length > CHUNK) await nextTurn();
    }
  }
  const checksum = hash.digest();
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await fs.open(temporary, 'w');
    try {
      for (const chunk of [MAGIC, length, headerBytes, checksum, ...parts]) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Bytes hashed between yields when a large index is saved. */
const CHUNK = 4 * 1024 * 1024;
