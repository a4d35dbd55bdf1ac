// The workspace file `.corroborate.json`: what no rule can know. Parsed leniently: every problem is reported with
// its position (the server shows them as diagnostics on the file), and whatever is malformed is left out, so the
// defaults and the valid entries stay in force.
//
//   {
//     "aliases": [["Daesh", "Islamic State"], ["Hmeimim", "Jableh"]],      // or { "Hmeimim": ["Jableh"] }
//     "distinct": [["Bashar al-Assad", "Hafez al-Assad"]],
//     "defaultAliases": true,
//     "ignore": [{ "check": "percent-sum", "file": "a.txt", "text": "15 percent" }],
//     "notSameFact": [[{ "file": "a.txt", "figure": "some 4,300" }, { "file": "b.txt", "figure": "5,000" }]],
//     "off": ["drafts/**", { "files": "b.txt", "checks": ["list-count"] }]
//   }
//
// Sections are parsed by the parsers in SECTION_PARSERS; later work adds its own (ignore lists, per-file switches,
// "not the same fact") by adding a field to WorkspaceConfig, a parser here, and the property to the JSON schema in
// schemas/corroborate.schema.json.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export const CONFIG_FILE_NAME = '.corroborate.json';

/** A group of names for one entity; `canonical` (the first name written) is the name shown for it. */
export interface AliasGroup {
  readonly canonical: string;
  readonly names: readonly string[];
}

export interface WorkspaceConfig {
  readonly aliases: readonly AliasGroup[];
  /** Groups of names that are pairwise different entities, whatever the rules say. */
  readonly distinct: readonly (readonly string[])[];
  /** Whether the shipped alias list (Daesh = ISIS = ISIL = IS = Islamic State, ...) applies. */
  readonly defaultAliases: boolean;
  /** Findings the user reviewed and dismissed (consistency checks). */
  readonly ignore?: readonly IgnoreEntry[];
  /** Pairs of figures that are not the same fact, whatever their wording says: never compared. */
  readonly notSameFact?: readonly (readonly [FactEntry, FactEntry])[];
  /** Files where all checks, or some, are off. */
  readonly off?: readonly OffEntry[];
}

/** A dismissed finding: the check (any when absent), the file (path relative to the workspace folder, or a glob)
 *  and the text the finding is on ("some 4,300"; any when absent). */
export interface IgnoreEntry {
  readonly check?: string;
  readonly file: string;
  readonly text?: string;
}

/** One figure: the file it is in and the figure as written. */
export interface FactEntry {
  readonly file: string;
  readonly figure: string;
}

/** Files (a path or glob relative to the workspace folder) where the listed checks (all when absent) are off. */
export interface OffEntry {
  readonly files: string;
  readonly checks?: readonly string[];
}

export const DEFAULT_CONFIG: WorkspaceConfig = { aliases: [], distinct: [], defaultAliases: true };

/** The consistency checks' names, as `.corroborate.json` may list them (kept in step with checks/types.ts). */
const CHECK_NAMES = ['cross-file-figure', 'within-file-figure', 'percent-sum', 'unit-conversion', 'date-arithmetic', 'list-count', 'weekday-date'];

export interface ConfigProblem {
  readonly message: string;
  /** Offsets into the file's text (UTF-16, end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning';
}

export interface ParsedConfig {
  readonly config: WorkspaceConfig;
  readonly problems: readonly ConfigProblem[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type SectionParser = (node: Node, config: Mutable<WorkspaceConfig>, report: (node: Node, message: string, severity?: ConfigProblem['severity']) => void) => void;

function stringsOf(node: Node, report: (node: Node, message: string) => void, what: string): string[] {
  const names: string[] = [];
  for (const child of node.children ?? []) {
    if (child.type === 'string' && typeof child.value === 'string' && child.value.trim().length > 0) {
      names.push(child.value.trim());
    } else {
      report(child, `${what}: expected a non-empty name (a string)`);
    }
  }
  return names;
}

const SECTION_PARSERS: Record<string, SectionParser> = {
  $schema: () => {},
  aliases(node, config, report) {
    const groups: AliasGroup[] = [];
    if (node.type === 'array') {
      for (const child of node.children ?? []) {
        if (child.type !== 'array') {
          report(child, 'aliases: each entry must be a list of names for one entity, e.g. ["Daesh", "Islamic State"]');
          continue;
        }
        const names = stringsOf(child, report, 'aliases');
        if (names.length < 2) {
          report(child, 'aliases: a group needs at least two names');
          continue;
        }
        groups.push({ canonical: names[0]!, names });
      }
    } else if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const canonical = String(keyNode.value).trim();
        if (!canonical) {
          report(keyNode, 'aliases: the name must not be empty');
          continue;
        }
        let others: string[];
        if (valueNode.type === 'string') others = String(valueNode.value).trim() ? [String(valueNode.value).trim()] : [];
        else if (valueNode.type === 'array') others = stringsOf(valueNode, report, 'aliases');
        else {
          report(valueNode, `aliases: "${canonical}" must map to a name or a list of names`);
          continue;
        }
        if (others.length === 0) {
          report(valueNode, `aliases: "${canonical}" needs at least one other name`);
          continue;
        }
        groups.push({ canonical, names: [canonical, ...others] });
      }
    } else {
      report(node, 'aliases: expected a list of name groups ([["Daesh", "Islamic State"]]) or an object ({"Islamic State": ["Daesh"]})');
      return;
    }
    config.aliases = groups;
  },
  distinct(node, config, report) {
    if (node.type !== 'array') {
      report(node, 'distinct: expected a list of name groups, e.g. [["Bashar al-Assad", "Hafez al-Assad"]]');
      return;
    }
    const groups: string[][] = [];
    for (const child of node.children ?? []) {
      if (child.type !== 'array') {
        report(child, 'distinct: each entry must be a list of names of different entities');
        continue;
      }
      const names = stringsOf(child, report, 'distinct');
      if (names.length < 2) {
        report(child, 'distinct: a group needs at least two names');
        continue;
      }
      groups.push(names);
    }
    config.distinct = groups;
  },
  ignore(node, config, report) {
    if (node.type !== 'array') {
      report(node, 'ignore: expected a list of findings, e.g. [{ "check": "percent-sum", "file": "a.txt", "text": "15 percent" }]');
      return;
    }
    const entries: IgnoreEntry[] = [];
    for (const child of node.children ?? []) {
      const fields = objectFields(child, report, 'ignore', ['check', 'file', 'text']);
      if (!fields) continue;
      const file = fields.file;
      if (typeof file !== 'string' || !file.trim()) {
        report(child, 'ignore: each entry needs a "file" (a path relative to the workspace folder, or a glob)');
        continue;
      }
      if (fields.check !== undefined && !checkName(fields.check)) {
        report(child, `ignore: "check" must be one of ${CHECK_NAMES.join(', ')}`);
        continue;
      }
      if (fields.text !== undefined && typeof fields.text !== 'string') {
        report(child, 'ignore: "text" must be a string (the text the finding is on)');
        continue;
      }
      entries.push({ file: file.trim(), ...(fields.check ? { check: String(fields.check) } : {}), ...(fields.text ? { text: String(fields.text) } : {}) });
    }
    config.ignore = entries;
  },
  notSameFact(node, config, report) {
    if (node.type !== 'array') {
      report(node, 'notSameFact: expected a list of pairs, e.g. [[{ "file": "a.txt", "figure": "some 4,300" }, { "file": "b.txt", "figure": "5,000" }]]');
      return;
    }
    const pairs: [FactEntry, FactEntry][] = [];
    for (const child of node.children ?? []) {
      if (child.type !== 'array' || (child.children ?? []).length !== 2) {
        report(child, 'notSameFact: each entry must be a pair of figures, [{ "file": ..., "figure": ... }, { "file": ..., "figure": ... }]');
        continue;
      }
      const facts = (child.children ?? []).map((fact) => {
        const fields = objectFields(fact, report, 'notSameFact', ['file', 'figure']);
        if (!fields) return undefined;
        if (typeof fields.file !== 'string' || !fields.file.trim() || typeof fields.figure !== 'string' || !fields.figure.trim()) {
          report(fact, 'notSameFact: each figure needs a "file" and the "figure" as written');
          return undefined;
        }
        return { file: fields.file.trim(), figure: fields.figure.trim() };
      });
      if (facts[0] && facts[1]) pairs.push([facts[0], facts[1]]);
    }
    config.notSameFact = pairs;
  },
  off(node, config, report) {
    if (node.type !== 'array') {
      report(node, 'off: expected a list of files (globs) or { "files": ..., "checks": [...] } entries');
      return;
    }
    const entries: OffEntry[] = [];
    for (const child of node.children ?? []) {
      if (child.type === 'string' && typeof child.value === 'string' && child.value.trim()) {
        entries.push({ files: child.value.trim() });
        continue;
      }
      const fields = objectFields(child, report, 'off', ['files', 'checks']);
      if (!fields) continue;
      if (typeof fields.files !== 'string' || !fields.files.trim()) {
        report(child, 'off: each entry needs "files" (a path or glob relative to the workspace folder)');
        continue;
      }
      const checks = fields.checks;
      if (checks !== undefined && (!Array.isArray(checks) || !checks.every(checkName))) {
        report(child, `off: "checks" must be a list of ${CHECK_NAMES.join(', ')}`);
        continue;
      }
      entries.push({ files: fields.files.trim(), ...(checks ? { checks: checks as string[] } : {}) });
    }
    config.off = entries;
  },
  defaultAliases(node, config, report) {
    if (node.type !== 'boolean') {
      report(node, 'defaultAliases: expected true or false');
      return;
    }
    config.defaultAliases = node.value === true;
  },
};

function checkName(value: unknown): boolean {
  return typeof value === 'string' && CHECK_NAMES.includes(value);
}

/** The fields of an object node (plain values), reporting unknown fields; undefined when it is not an object. */
function objectFields(
  node: Node,
  report: (node: Node, message: string, severity?: ConfigProblem['severity']) => void,
  section: string,
  known: readonly string[],
): Record<string, unknown> | undefined {
  if (node.type !== 'object') {
    report(node, `${section}: each entry must be an object`);
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    if (!known.includes(name)) {
      report(keyNode, `${section}: unknown field "${name}" (known: ${known.join(', ')}); ignored`, 'warning');
      continue;
    }
    fields[name] = valueNode.type === 'array' ? (valueNode.children ?? []).map((c) => c.value) : valueNode.value;
  }
  return fields;
}

/** Parses the text of `.corroborate.json` (comments and trailing commas tolerated, and reported). */
export function parseConfig(text: string): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const report = (node: Node, message: string, severity: ConfigProblem['severity'] = 'error') =>
    problems.push({ message, start: node.offset, end: node.offset + Math.max(1, node.length), severity });
  if (text.trim().length === 0) return { config: DEFAULT_CONFIG, problems };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    for (const error of errors) {
      problems.push({
        message: `${CONFIG_FILE_NAME} is not valid JSON (${describeParseError(printParseErrorCode(error.error))}); the defaults stay in force until it is fixed`,
        start: error.offset,
        end: error.offset + Math.max(1, error.length),
        severity: 'error',
      });
    }
    if (problems.length === 0) problems.push({ message: `${CONFIG_FILE_NAME} is empty or not JSON`, start: 0, end: 1, severity: 'error' });
    return { config: DEFAULT_CONFIG, problems };
  }
  if (root.type !== 'object') {
    report(root, `${CONFIG_FILE_NAME} must hold an object, e.g. { "aliases": [["Daesh", "Islamic State"]] }; the defaults stay in force`);
    return { config: DEFAULT_CONFIG, problems };
  }
  const config: Mutable<WorkspaceConfig> = { ...DEFAULT_CONFIG };
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    const parser = Object.prototype.hasOwnProperty.call(SECTION_PARSERS, name) ? SECTION_PARSERS[name] : undefined;
    if (!parser) {
      report(keyNode, `unknown setting "${name}" (known: ${Object.keys(SECTION_PARSERS).filter((k) => k !== '$schema').join(', ')}); ignored`, 'warning');
      continue;
    }
    parser(valueNode, config, report);
  }
  checkConflicts(root, config, report);
  return { config, problems };
}

/** A name both aliased to and declared distinct from another: "distinct" wins, and the user is told. */
function checkConflicts(root: Node, config: WorkspaceConfig, report: (node: Node, message: string, severity?: ConfigProblem['severity']) => void): void {
  const groupOf = new Map<string, number>();
  config.aliases.forEach((group, index) => group.names.forEach((name) => groupOf.set(name.toLowerCase(), index)));
  const distinctNode = root.children?.find((p) => p.children?.[0]?.value === 'distinct')?.children?.[1];
  config.distinct.forEach((names, index) => {
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = groupOf.get(names[i]!.toLowerCase());
        if (a !== undefined && a === groupOf.get(names[j]!.toLowerCase())) {
          const node = distinctNode?.children?.[index] ?? root;
          report(node, `"${names[i]}" and "${names[j]}" are listed both as aliases and as distinct; they are kept apart`, 'warning');
        }
      }
    }
  });
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
