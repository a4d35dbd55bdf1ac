// The custom requests behind the editor's views and commands (server/src/protocol.ts): entities, facts, timeline,
// fact sheet, the article's date, re-indexing, and the status notification the client's status bar and views follow.
// Each handler is a few lines over the pure modules beside this one; server.ts calls `registerViewRequests` once.
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { isMarkdownPath } from '../articles';
import type { CheckRunner, RatedFinding } from '../checks/index';
import { decodeArticle } from '../cli/read';
import {
  Methods,
  type ArticleDateEdit,
  type ArticleDateParams,
  type EntitiesParams,
  type EntitiesResult,
  type EntityDetail,
  type EntityParams,
  type FactSheetParams,
  type FactSheetResult,
  type FactsParams,
  type FactsResult,
  type StatusParams,
  type TimelineParams,
  type TimelineResult,
} from '../protocol';
import type { Settings } from '../settings';
import { nodeFileSystem } from '../workspace/fileSystem';
import { canonicalUri, pathOfUri, uriOfPath, type WorkspaceIndexer } from '../workspace/indexer';
import { runInSlices, TimeSlices } from '../workspace/turns';
import { articleDateEdit } from './articleDate';
import { detailArticles, entityDetail, listEntities } from './entitiesView';
import { articleFactSheet, workspaceFactSheet } from './factSheet';
import { buildFacts, factUris, withSentences } from './factsView';
import type { DisplayPath } from './ranges';
import { buildTimeline, withTimelineSentences } from './timelineView';
import { ArticleText } from './viewText';

export interface ViewsHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The open document of an article, however the URI is spelled. */
  openDocument(uri: string): TextDocument | undefined;
  readonly indexer: WorkspaceIndexer;
  readonly checks: CheckRunner;
  settingsFor(uri: string): Promise<Settings>;
  /** Brings an open document's analysis into the index (no-op for closed files). */
  refreshDocument(uri: string): Promise<unknown>;
  readonly displayPath: DisplayPath;
  /** Indexes the workspace again from disk. */
  reindex(): Promise<void>;
  log(message: string): void;
}

export interface Views {
  /** Indexing progress (undefined: indexing is over). */
  progress(progress: { done: number; total: number } | undefined): void;
}

/** Results kept per request kind (a view asks again for the same data when it is shown, or after a restart). */
const MEMO_SIZE = 8;

/** How long after a change the status is sent (changes come in bursts: a save, a re-index). */
const STATUS_DELAY_MS = 300;
/** Longest stretch of background work (the workspace's findings for the status bar) between two turns. */
const SLICE_MS = 10;
/** Indexing progress is sent at most this often. */
const PROGRESS_INTERVAL_MS = 250;

export function registerViewRequests(host: ViewsHost): Views {
  const { connection, indexer, checks } = host;
  const index = indexer.index;
  let version = 0;
  let indexing: { done: number; total: number } | undefined;
  let statusTimer: NodeJS.Timeout | undefined;
  let lastProgressSent = 0;

  const openDocument = (uri: string): TextDocument | undefined => host.openDocument(uri);

  /** The texts of some articles: the editor's for open documents, the disk's for the others. */
  const loadTexts = async (uris: Iterable<string>): Promise<(uri: string) => ArticleText | undefined> => {
    const texts = new Map<string, ArticleText>();
    for (const uri of new Set(uris)) {
      const open = openDocument(uri);
      const markdown = open?.languageId === 'markdown' || isMarkdownPath(uri);
      if (open) {
        texts.set(uri, new ArticleText(open.getText(), markdown));
        continue;
      }
      const filePath = pathOfUri(uri);
      if (filePath === undefined) continue;
      try {
        const decoded = decodeArticle(await nodeFileSystem.readFile(filePath));
        if (!decoded.binary) texts.set(uri, new ArticleText(decoded.text, markdown));
      } catch {
        // gone since it was indexed: the view shows no sentence for it
      }
    }
    return (uri) => texts.get(uri);
  };

  /** The findings of every article with any, rated by its settings (what the Problems panel shows). */
  const allFindings = async (): Promise<Map<string, RatedFinding[]>> => {
    const out = new Map<string, RatedFinding[]>();
    const slices = new TimeSlices(SLICE_MS);
    for (const uri of index.uris().sort()) {
      // the whole workspace's checks: requests are answered in between, and the claims by key are brought up to
      // date in slices too when the index changed meanwhile
      if (slices.due) await slices.next();
      await runInSlices(checks.syncSteps(), slices);
      const settings = await host.settingsFor(uri);
      const findings = checks.findings(uri, settings.checks);
      if (findings.length > 0) out.set(uri, findings);
    }
    return out;
  };

  const status = async (): Promise<StatusParams> => {
    const conflicts = { error: 0, warning: 0, information: 0, hint: 0 };
    if (!indexing) for (const list of (await allFindings()).values()) for (const finding of list) conflicts[finding.severity]++;
    return { ...(indexing ? { indexing } : {}), articles: index.size, entities: index.stats.clusters, conflicts, version };
  };

  const sendStatus = () => {
    if (statusTimer) clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      statusTimer = undefined;
      void status()
        .then((params) => connection.sendNotification(Methods.statusChanged, params))
        .catch((error) => host.log(`status failed: ${String(error)}`));
    }, STATUS_DELAY_MS);
  };

  index.onDidChange(() => {
    version++;
    sendStatus();
  });

  // The views' data is recomputed only when something it depends on changed: the index (version), the workspace
  // configuration (.corroborate.json), or the check settings. On a 2,225-article workspace a full entity list takes
  // a few hundred milliseconds; asking again for unchanged data is free.
  let configSeen: object | undefined;
  let configGeneration = 0;
  const memo = new Map<string, Promise<unknown>>();
  const generationKey = async (uri: string | undefined): Promise<string> => {
    index.flush(); // a pending change bumps the version first
    if (index.workspaceConfig !== configSeen) {
      configSeen = index.workspaceConfig;
      configGeneration++;
    }
    const folder = indexer.workspaceFolders[0];
    const settingsUri = uri ?? (folder ? uriOfPath(folder) : '');
    const settings = await host.settingsFor(settingsUri);
    return `${version}|${configGeneration}|${JSON.stringify(settings.checks)}`;
  };
  const memoized = async <R>(method: string, params: unknown, uri: string | undefined, compute: () => Promise<R>): Promise<R> => {
    const key = `${method}|${await generationKey(uri)}|${JSON.stringify(params)}`;
    let pending = memo.get(key) as Promise<R> | undefined;
    if (!pending) {
      pending = compute();
      memo.set(key, pending);
      pending.catch(() => memo.delete(key));
      while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
    }
    return pending;
  };

  /** Runs a handler; an internal error is logged and reported to the client as a request failure, never a crash. */
  const handle = <P, R>(method: string, handler: (params: P) => Promise<R>) => {
    connection.onRequest(method, async (params: P) => {
      try {
        return await handler(params ?? ({} as P));
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        host.log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };

  /** The index's key for a client URI, after bringing an open document's analysis up to date. */
  const freshUri = async (uri: string | undefined): Promise<string | undefined> => {
    if (!uri) return undefined;
    await host.refreshDocument(openDocument(uri)?.uri ?? uri);
    return canonicalUri(uri);
  };

  handle<EntitiesParams, EntitiesResult>(Methods.entities, async (params) => {
    const uri = await freshUri(params.uri);
    const scoped = { ...params, ...(uri ? { uri } : {}) };
    return memoized(Methods.entities, scoped, uri, async () => listEntities(index, scoped));
  });

  handle<EntityParams, EntityDetail | null>(Methods.entity, async (params) => {
    if (params.id !== undefined) {
      const cluster = index.cluster(params.id);
      if (!cluster || cluster.mentionCount === 0) return null;
      return entityDetail({ index, cluster, displayPath: host.displayPath, textOf: await loadTexts(detailArticles(cluster)) });
    }
    const uri = await freshUri(params.uri);
    if (!uri || !params.position) throw new ResponseError(ErrorCodes.InvalidParams, 'give an entity id, or a uri and a position');
    const document = openDocument(uri);
    const offset = document ? document.offsetAt(params.position) : (await loadTexts([uri]))(uri)?.lines.offset(params.position);
    const found = offset === undefined ? undefined : index.clusterAt(uri, offset);
    if (!found) return null;
    const textOf = await loadTexts([...detailArticles(found.cluster), uri]);
    return entityDetail({ index, cluster: found.cluster, displayPath: host.displayPath, textOf, at: found.ref });
  });

  handle<FactsParams, FactsResult>(Methods.facts, async (params) => {
    const uri = await freshUri(params.uri);
    const scoped = { ...params, ...(uri ? { uri } : {}) };
    return memoized(Methods.facts, scoped, uri, async () => {
      const result = buildFacts({ index, findings: await allFindings(), displayPath: host.displayPath, params: scoped });
      return withSentences(result, await loadTexts(factUris(result)));
    });
  });

  handle<TimelineParams, TimelineResult>(Methods.timeline, async (params) => {
    const uri = await freshUri(params.uri);
    const scoped = { ...params, ...(uri ? { uri } : {}) };
    return memoized(Methods.timeline, scoped, uri, async () => {
      const result = buildTimeline(index, host.displayPath, scoped);
      return withTimelineSentences(result, await loadTexts(result.items.map((item) => item.uri)));
    });
  });

  handle<FactSheetParams, FactSheetResult>(Methods.factSheet, async (params) => {
    const uri = await freshUri(params.uri);
    const input = {
      index,
      findings: await allFindings(),
      displayPath: host.displayPath,
      workspaceName: indexer.workspaceFolders.map((folder) => path.basename(folder)).join(', ') || undefined,
    };
    if (!uri) return workspaceFactSheet(input);
    const sheet = articleFactSheet(input, uri);
    if (!sheet) throw new ResponseError(ErrorCodes.InvalidParams, `${host.displayPath(uri)} is not an indexed article`);
    return sheet;
  });

  handle<ArticleDateParams, ArticleDateEdit | null>(Methods.articleDateEdit, async (params) => {
    const document = openDocument(params.uri);
    const uri = canonicalUri(params.uri);
    // the text as it is (not masked): the edit's positions are in the document
    const text = document ? document.getText() : await readRaw(uri);
    if (text === undefined) return null;
    const settings = await host.settingsFor(params.uri);
    const markdown = document?.languageId === 'markdown' || isMarkdownPath(uri);
    return articleDateEdit({ text, options: { markdown, numericDateOrder: settings.dates.numericOrder }, date: params.date }) ?? null;
  });

  handle<unknown, StatusParams>(Methods.reindex, async () => {
    await host.reindex();
    return status();
  });

  handle<unknown, StatusParams>(Methods.status, () => status());

  return {
    progress(progress) {
      indexing = progress && progress.done < progress.total ? progress : undefined;
      const now = Date.now();
      if (indexing && now - lastProgressSent < PROGRESS_INTERVAL_MS) return;
      lastProgressSent = now;
      if (indexing) void connection.sendNotification(Methods.statusChanged, { indexing, articles: index.size, entities: 0, conflicts: { error: 0, warning: 0, information: 0, hint: 0 }, version } satisfies StatusParams);
      else {
        version++;
        sendStatus();
      }
    },
  };
}

async function readRaw(uri: string): Promise<string | undefined> {
  const filePath = pathOfUri(uri);
  if (filePath === undefined) return undefined;
  try {
    const decoded = decodeArticle(await nodeFileSystem.readFile(filePath));
    return decoded.binary ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}
