// Settings: validated, with defaults for anything missing or malformed (and a note of what was wrong).
import type { NumericDateOrder } from './analysis/types';
import { CHECK_KINDS, settingNameOf, type CheckKind, type CheckLevel } from './checks/types';

export interface Settings {
  readonly articles: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  readonly dates: { readonly numericOrder: NumericDateOrder; readonly defaultArticleDate: string };
  readonly files: { readonly maxSizeKB: number };
  readonly diagnostics: { readonly spellingVariants: boolean };
  readonly codeLens: { readonly mentions: boolean };
  /** The consistency checks: a severity (or off) per check kind, and a cap on problems per file. */
  readonly checks: { readonly levels: Readonly<Record<CheckKind, CheckLevel>>; readonly maxPerFile: number };
}

export const DEFAULT_SETTINGS: Settings = {
  articles: {
    include: ['**/*.txt', '**/*.md', '**/*.markdown', '**/*.article'],
    // exported fact sheets (fact-sheet*.md) repeat the articles' names and figures: they are not articles
    exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.vscode-test/**', '**/fact-sheet*.md'],
  },
  dates: { numericOrder: 'auto', defaultArticleDate: '' },
  files: { maxSizeKB: 5120 },
  diagnostics: { spellingVariants: false },
  codeLens: { mentions: true },
  checks: { levels: Object.fromEntries(CHECK_KINDS.map((kind) => [kind, 'warning'])) as Record<CheckKind, CheckLevel>, maxPerFile: 50 },
};

export interface ParsedSettings {
  readonly settings: Settings;
  /** One line per value that was malformed and replaced by its default. */
  readonly problems: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the `corroborate` settings section; anything missing or malformed falls back to its default. */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  const section = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push('corroborate: expected an object; using defaults');
  const group = (name: string): Record<string, unknown> => {
    const value = section[name];
    if (value === undefined) return {};
    if (isRecord(value)) return value;
    problems.push(`corroborate.${name}: expected an object; using defaults`);
    return {};
  };
  const pick = <T>(name: string, value: unknown, fallback: T, valid: (v: unknown) => v is T): T => {
    if (value === undefined || value === null) return fallback;
    if (valid(value)) return value;
    problems.push(`corroborate.${name}: ${JSON.stringify(value)} is not valid; using ${JSON.stringify(fallback)}`);
    return fallback;
  };
  const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((item) => typeof item === 'string');
  const isOrder = (v: unknown): v is NumericDateOrder => v === 'auto' || v === 'month-first' || v === 'day-first';
  const isIsoDayOrEmpty = (v: unknown): v is string =>
    typeof v === 'string' && (v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))));
  const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

  const articles = group('articles');
  const dates = group('dates');
  const files = group('files');
  const diagnostics = group('diagnostics');
  const codeLens = group('codeLens');
  const checks = group('checks');
  const isLevel = (v: unknown): v is CheckLevel => v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off';
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
  const defaults = DEFAULT_SETTINGS;
  return {
    settings: {
      articles: {
        include: pick('articles.include', articles.include, defaults.articles.include, isStringArray),
        exclude: pick('articles.exclude', articles.exclude, defaults.articles.exclude, isStringArray),
      },
      dates: {
        numericOrder: pick('dates.numericOrder', dates.numericOrder, defaults.dates.numericOrder, isOrder),
        defaultArticleDate: pick('dates.defaultArticleDate', dates.defaultArticleDate, '', isIsoDayOrEmpty),
      },
      files: { maxSizeKB: pick('files.maxSizeKB', files.maxSizeKB, defaults.files.maxSizeKB, isPositive) },
      diagnostics: {
        spellingVariants: pick('diagnostics.spellingVariants', diagnostics.spellingVariants, defaults.diagnostics.spellingVariants, isBoolean),
      },
      codeLens: { mentions: pick('codeLens.mentions', codeLens.mentions, defaults.codeLens.mentions, isBoolean) },
      checks: {
        levels: Object.fromEntries(
          CHECK_KINDS.map((kind) => [kind, pick(`checks.${settingNameOf(kind)}`, checks[settingNameOf(kind)], defaults.checks.levels[kind], isLevel)]),
        ) as Record<CheckKind, CheckLevel>,
        maxPerFile: pick('checks.maxPerFile', checks.maxPerFile, defaults.checks.maxPerFile, isCount),
      },
    },
    problems,
  };
}
