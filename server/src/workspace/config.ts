// The workspace file `.corroborate.json`: what no rule can know. Parsed leniently: every problem is reported with
// its position (the server shows them as diagnostics on the file), and whatever is malformed is left out, so the
// defaults and the valid entries stay in force.
//
//   {
//     "aliases": [["Daesh", "Islamic State"], ["Hmeimim", "Jableh"]],      // or { "Hmeimim": ["Jableh"] }
//     "distinct": [["Bashar al-Assad", "Hafez al-Assad"]],
//     "defaultAliases": true
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
}

export const DEFAULT_CONFIG: WorkspaceConfig = { aliases: [], distinct: [], defaultAliases: true };

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
  defaultAliases(node, config, report) {
    if (node.type !== 'boolean') {
      report(node, 'defaultAliases: expected true or false');
      return;
    }
    config.defaultAliases = node.value === true;
  },
};

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
