// What a check produces: findings, plain data with positions (from the article summaries), no LSP types. The
// language server maps them to diagnostics and code actions (features/diagnostics.ts), the CLI prints them.
import type { Located } from '../workspace/summary';

/** The kinds of inconsistency, one check module each; also the diagnostic codes and the README anchors. */
export const CHECK_KINDS = [
  'cross-file-figure',
  'within-file-figure',
  'percent-sum',
  'unit-conversion',
  'date-arithmetic',
  'list-count',
  'weekday-date',
] as const;

export type CheckKind = (typeof CHECK_KINDS)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A check's setting: a severity, or off. */
export type CheckLevel = Severity | 'off';

export function isCheckKind(value: unknown): value is CheckKind {
  return typeof value === 'string' && (CHECK_KINDS as readonly string[]).includes(value);
}

/** The setting name of a check kind: "cross-file-figure" -> "crossFileFigure" (`corroborate.checks.crossFileFigure`). */
export function settingNameOf(kind: CheckKind): string {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A place in an article: its URI and a located span (line/character as LSP counts them, UTF-16). */
export interface Place {
  readonly uri: string;
  readonly at: Located;
}

export interface RelatedPlace extends Place {
  /** What is there, in plain words ("5,000 Russian troops in kremlin-briefing.txt (2017-11-06)"). */
  readonly message: string;
}

/** A text edit at a located span of an article. */
export interface TextChange extends Place {
  readonly newText: string;
}

/** A fix that edits the article(s): "use the other figure", "use Monday". */
export interface TextFix {
  readonly title: string;
  readonly changes: readonly TextChange[];
  readonly preferred?: boolean;
}

/** One side of a figure conflict, as the user would name it in `.corroborate.json` ("not the same fact"). */
export interface FactRef {
  readonly uri: string;
  /** The figure as written ("some 4,300"). */
  readonly figure: string;
}

export interface Finding extends Place {
  readonly check: CheckKind;
  /** The check's own cap: an attributed disagreement is information at most, whatever the setting says. */
  readonly maxSeverity?: Severity;
  /** One sentence, plain words: what conflicts with what. */
  readonly message: string;
  /** The text at `at`, as written (what an ignore entry names). */
  readonly text: string;
  readonly related: readonly RelatedPlace[];
  readonly fixes: readonly TextFix[];
  /** For figure conflicts: the two claims, so the user can mark them "not the same fact". */
  readonly facts?: readonly [FactRef, FactRef];
}

/** A finding with the severity the settings give it. */
export interface RatedFinding extends Finding {
  readonly severity: Severity;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The less severe of two severities. */
export function milder(a: Severity, b: Severity | undefined): Severity {
  return b !== undefined && ORDER[b] > ORDER[a] ? b : a;
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return ORDER[severity] <= ORDER[threshold];
}
