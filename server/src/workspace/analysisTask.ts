// One unit of analysis work, as a worker thread runs it (server/src/worker.ts) and as the main thread runs it when
// there are no workers: read a file (stat, size limit, bytes, content hash, decoding), analyse and summarise it, and
// encode the result compactly (plainCodec) so it crosses threads as one transferable buffer. Everything a task needs
// comes in its message; everything it finds goes back in its reply. No LSP, no index.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisCache, analyze } from '../analysis/analyze';
import type { AnalysisOptions, ArticleAnalysis } from '../analysis/types';
import { decodeArticle } from '../cli/read';
import { decodePlain, encodePlain } from './plainCodec';
import { summarize, type ArticleSummary } from './summary';

/** What identifies a file's content: the persisted index keeps it, and a file is re-read only when it differs. */
export interface FileMeta {
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-1 of the bytes, hex. */
  readonly hash: string;
}

export type SkipReason = 'too-large' | 'binary' | 'unreadable' | 'failed';

/** Analyse a file from disk (closed articles). */
export interface FileTask {
  readonly kind: 'file';
  readonly path: string;
  /** Files larger than this are not read (the size setting). */
  readonly maxBytes: number;
  readonly options: AnalysisOptions;
  /** The content hash the index already has for this file: when the bytes still hash to it, nothing is analysed. */
  readonly knownHash?: string;
}

/** Analyse a text the editor holds (open documents): the full analysis for the language features, and the summary. */
export interface TextTask {
  readonly kind: 'text';
  readonly text: string;
  readonly options: AnalysisOptions;
  /** The document's URI: the pool sends a document's texts to the worker that analysed the last one (warm cache). */
  readonly document?: string;
}

export type AnalysisTask = FileTask | TextTask;

export type TaskReply =
  /** `bytes` encodes an ArticleSummary. */
  | { readonly kind: 'summary'; readonly meta: FileMeta; readonly bytes: Uint8Array; readonly warning?: string }
  /** The file still hashes to `knownHash`. */
  | { readonly kind: 'unchanged'; readonly meta: FileMeta }
  | { readonly kind: 'skipped'; readonly reason: SkipReason; readonly message: string; readonly meta?: FileMeta }
  /** Nothing (or a directory) at that path. */
  | { readonly kind: 'gone' }
  /** `bytes` encodes { analysis (without text and tokens), summary }. */
  | { readonly kind: 'analysis'; readonly bytes: Uint8Array }
  | { readonly kind: 'error'; readonly message: string };

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Runs a task. Never throws: a failure is a reply. */
export function runTask(task: AnalysisTask): TaskReply {
  try {
    return task.kind === 'file' ? runFileTask(task) : runTextTask(task);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

function runFileTask(task: FileTask): TaskReply {
  const name = path.basename(task.path);
  let stat;
  try {
    stat = statSync(task.path);
  } catch {
    return { kind: 'gone' };
  }
  if (!stat.isFile()) return { kind: 'gone' };
  if (stat.size > task.maxBytes) {
    const limitKB = Math.round(task.maxBytes / 1024);
    return {
      kind: 'skipped',
      reason: 'too-large',
      message: `${name} is ${Math.round(stat.size / 1024)} KB, larger than corroborate.files.maxSizeKB (${limitKB} KB): not indexed`,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.path);
  } catch (error) {
    return { kind: 'skipped', reason: 'unreadable', message: `${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  // the size and time of what was read (the file may have changed between the stat and the read)
  const meta: FileMeta = { size: bytes.length, mtimeMs: stat.mtimeMs, hash: contentHash(bytes) };
  if (task.knownHash !== undefined && task.knownHash === meta.hash) return { kind: 'unchanged', meta };
  const decoded = decodeArticle(bytes);
  if (decoded.binary) return { kind: 'skipped', reason: 'binary', message: `${name} holds binary data: not indexed`, meta };
  const summary = summarize(analyze(decoded.text, task.options));
  return { kind: 'summary', meta, bytes: encodePlain(summary), ...(decoded.warning ? { warning: `${name}: ${decoded.warning}` } : {}) };
}

/**
 * This thread's analysis cache for the texts of open documents: an edited document is analysed again mostly from
 * what the cache holds of its last version (same result as a cold analysis). Content-keyed and bounded, so one per
 * thread serves every document; files from disk do not go through it (they would only push the open ones out).
 */
const textCache = new AnalysisCache();

function runTextTask(task: TextTask): TaskReply {
  const analysis = analyze(task.text, task.options, textCache);
  const summary = summarize(analysis);
  return { kind: 'analysis', bytes: encodePlain({ analysis: { ...analysis, text: '', tokens: [] }, summary }) };
}

/** The buffers a reply can hand over without copying. */
export function transferablesOf(reply: TaskReply): ArrayBuffer[] {
  if ((reply.kind === 'summary' || reply.kind === 'analysis') && reply.bytes.buffer instanceof ArrayBuffer) return [reply.bytes.buffer];
  return [];
}

/** A summary from a reply; `intern` (the index's string pool) makes its strings the index's shared copies. */
export function decodeSummary(bytes: Uint8Array, intern?: Map<string, string>): ArticleSummary {
  return decodePlain(bytes, intern) as ArticleSummary;
}

/** The analysis of an open document (its text put back; tokens are not carried: no language feature reads them). */
export function decodeAnalysis(bytes: Uint8Array, text: string, intern?: Map<string, string>): { analysis: ArticleAnalysis; summary: ArticleSummary } {
  const decoded = decodePlain(bytes, intern) as { analysis: ArticleAnalysis; summary: ArticleSummary };
  return { analysis: { ...decoded.analysis, text }, summary: decoded.summary };
}
