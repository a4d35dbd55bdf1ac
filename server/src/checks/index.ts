// The consistency checks, run over the workspace index: local checks (one article's summary) cached per summary,
// the cross-file check through an index of claims by key. Findings are filtered by `.corroborate.json` (files where
// checks are off, dismissed findings, "not the same fact" pairs), rated by the settings, and capped per file.
// No LSP, no file system: the language server and the CLI both call `CheckRunner`.
import { minimatch } from 'minimatch';
import type { IndexChange, WorkspaceIndex } from '../workspace/index';
import type { ArticleSummary } from '../workspace/summary';
import type { IgnoreEntry, OffEntry, WorkspaceConfig } from '../workspace/config';
import { ClaimKeyIndex, crossFileFindings } from './crossFileFigure';
import { dateArithmeticFindings } from './dateArithmetic';
import { listCountFindings } from './listCount';
import { percentSumFindings } from './percentSum';
import { CHECK_KINDS, milder, type CheckKind, type CheckLevel, type Finding, type RatedFinding } from './types';
import { unitConversionFindings } from './unitConversion';
import { weekdayDateFindings } from './weekdayDate';
import { withinFileFindings } from './withinFileFigure';

export * from './types';
export { ClaimKeyIndex } from './crossFileFigure';

/** What the settings say about the checks. */
export interface CheckSettings {
  readonly levels: Readonly<Record<CheckKind, CheckLevel>>;
  /** At most this many findings per file (the most severe first). */
  readonly maxPerFile: number;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  levels: Object.fromEntries(CHECK_KINDS.map((kind) => [kind, 'warning'])) as Record<CheckKind, CheckLevel>,
  maxPerFile: 50,
};

/** Checks that need only one article's summary. */
const LOCAL_CHECKS: readonly ((uri: string, summary: ArticleSummary) => Finding[])[] = [
  percentSumFindings,
  unitConversionFindings,
  dateArithmeticFindings,
  listCountFindings,
  weekdayDateFindings,
];

export interface CheckPaths {
  /** The path of an article relative to its workspace folder (what `.corroborate.json` names), if it is in one. */
  readonly relative: (uri: string) => string | undefined;
  /** How messages name an article ("news/kremlin-briefing.txt"). */
  readonly display: (uri: string) => string;
}

const GLOB = { dot: true, matchBase: false };

function matchesFile(pattern: string, relative: string | undefined): boolean {
  if (relative === undefined) return false;
  return pattern === relative || minimatch(relative, pattern, GLOB);
}

/** An index change with more articles or reshaped clusters than this drops every cached finding (cheaper than
 *  working out which articles it reaches). */
const MAX_TRACKED_CHANGES = 256;

export class CheckRunner {
  readonly claims: ClaimKeyIndex;
  private readonly local = new WeakMap<ArticleSummary, Finding[]>();
  /** Whether the index changed since the claims were last indexed by key. */
  private dirty = true;
  /** Index changes seen (a sync in steps that saw one meanwhile goes round again). */
  private changes = 0;
  /** Every article's findings before settings, kept until a change can reach them (see `forget`): the status bar,
   *  the Problems panel's workspace pulls and the views ask for all of them after every edit. */
  private readonly raw = new Map<string, Finding[]>();
  /** The workspace configuration `raw` was made with (".corroborate.json": facts marked distinct). */
  private rawConfig: WorkspaceConfig | undefined;

  constructor(
    readonly index: WorkspaceIndex,
    private readonly paths: CheckPaths,
  ) {
    this.claims = new ClaimKeyIndex(index);
    index.onDidChange((change) => {
      const synced = !this.dirty;
      this.dirty = true;
      this.changes++;
      this.forget(change, synced);
    });
  }

  /** Drops the cached findings a change can reach: of the changed articles, of the articles that shared a claim key
   *  with them before or share one now (cross-file figures), and of every article naming an entity whose names
   *  changed (claims are matched by entity). `synced`: the claims were indexed by key up to this change (not halfway
   *  through `syncSteps`), so the articles that shared a key with a changed one can be told. */
  private forget(change: IndexChange, synced: boolean): void {
    if (this.raw.size === 0) return;
    if (!synced || change.uris.length > MAX_TRACKED_CHANGES || change.reshapedClusters.length > MAX_TRACKED_CHANGES) {
      this.raw.clear();
      return;
    }
    const stale = new Set(change.uris);
    // the claims by key as they were (kept in step with every change since the findings were cached), then as they are
    for (const uri of change.uris) for (const other of this.claims.relatedArticles(uri)) stale.add(other);
    this.claims.syncUris(change.uris);
    this.dirty = false;
    for (const uri of change.uris) for (const other of this.claims.relatedArticles(uri)) stale.add(other);
    for (const uri of this.index.articlesOfClusters(change.reshapedClusters)) stale.add(uri);
    for (const uri of stale) this.raw.delete(uri);
  }

  /** Brings the claims by key up to date with the index (clustering first, so entity matches are current). */
  private sync(): void {
    this.index.flush();
    if (!this.dirty) return;
    this.claims.sync();
    this.dirty = false;
  }

  /** `sync` in steps (see ClaimKeyIndex.syncSteps): for a caller about to ask for every article's findings, which
   *  would otherwise start with one long step (some 50 ms at 22,250 articles after an index). */
  *syncSteps(every?: number): Generator<void, void> {
    this.index.flush();
    while (this.dirty) {
      const changes = this.changes;
      yield* this.claims.syncSteps(every);
      if (this.changes === changes) this.dirty = false;
    }
  }

  /** Every finding for one article, before settings (the same summary gives the same local findings). */
  rawFindings(uri: string): Finding[] {
    this.sync();
    const config = this.index.workspaceConfig;
    if (config !== this.rawConfig) {
      this.raw.clear();
      this.rawConfig = config;
    }
    const known = this.raw.get(uri);
    if (known) return known;
    const summary = this.index.get(uri);
    if (!summary) return [];
    const found = this.computeFindings(uri, summary, config);
    this.raw.set(uri, found);
    return found;
  }

  private computeFindings(uri: string, summary: ArticleSummary, config: WorkspaceConfig): Finding[] {
    let local = this.local.get(summary);
    if (!local) {
      local = LOCAL_CHECKS.flatMap((check) => check(uri, summary));
      this.local.set(summary, local);
    }
    const context = { index: this.index, claims: this.claims, notSameFact: config.notSameFact, relative: this.paths.relative, display: this.paths.display };
    return [...crossFileFindings(context, uri), ...withinFileFindings(context, uri), ...local];
  }

  /** The findings for one article as the user sees them: off switches and dismissed findings removed, rated by the
   *  settings, sorted by position, capped. */
  findings(uri: string, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): RatedFinding[] {
    const relative = this.paths.relative(uri);
    const config = this.index.workspaceConfig;
    const offHere = (config.off ?? []).filter((entry) => matchesFile(entry.files, relative));
    if (offHere.some((entry) => !entry.checks)) return [];
    const rated: RatedFinding[] = [];
    for (const finding of this.rawFindings(uri)) {
      const level = settings.levels[finding.check];
      if (level === 'off' || isOff(offHere, finding.check) || isIgnored(config.ignore, relative, finding)) continue;
      rated.push({ ...finding, severity: milder(level, finding.maxSeverity) });
    }
    rated.sort((a, b) => a.at.start - b.at.start || (a.check < b.check ? -1 : 1));
    if (rated.length <= settings.maxPerFile) return rated;
    const order = { error: 0, warning: 1, information: 2, hint: 3 };
    const kept = new Set([...rated].sort((a, b) => order[a.severity] - order[b.severity] || a.at.start - b.at.start).slice(0, settings.maxPerFile));
    return rated.filter((finding) => kept.has(finding));
  }

  /** Findings for every article that has any. */
  allFindings(settings: CheckSettings = DEFAULT_CHECK_SETTINGS): Map<string, RatedFinding[]> {
    const out = new Map<string, RatedFinding[]>();
    for (const uri of this.index.uris().sort()) {
      const findings = this.findings(uri, settings);
      if (findings.length > 0) out.set(uri, findings);
    }
    return out;
  }

  /** Articles whose findings may change when `uri` changes: it, and those sharing a claim key with it. */
  affectedBy(uri: string): string[] {
    this.sync();
    return [uri, ...this.claims.relatedArticles(uri)];
  }
}

function isOff(entries: readonly OffEntry[], check: CheckKind): boolean {
  return entries.some((entry) => entry.checks?.includes(check));
}

function isIgnored(entries: readonly IgnoreEntry[] | undefined, relative: string | undefined, finding: Finding): boolean {
  if (!entries || entries.length === 0) return false;
  return entries.some(
    (entry) => (!entry.check || entry.check === finding.check) && matchesFile(entry.file, relative) && (entry.text === undefined || entry.text === finding.text),
  );
}
