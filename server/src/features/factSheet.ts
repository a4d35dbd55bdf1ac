// A fact sheet in Markdown: the entities, dates, figures and conflicts of one article or of the whole workspace, to
// hand to an editor or a fact-checker. Built from the index and the findings only (the same data as the views), so
// it says exactly what the editor shows.
import type { RatedFinding } from '../checks/types';
import type { WorkspaceIndex } from '../workspace/index';
import type { ArticleSummary } from '../workspace/summary';
import { FACT_SHEET_MARKER, type FactSheetResult } from '../protocol';
import { figureSummary } from './describe';
import { buildFacts } from './factsView';
import type { DisplayPath } from './ranges';

/** Entities listed in a workspace fact sheet, most mentioned first. */
export const WORKSPACE_ENTITY_LIMIT = 200;
/** Fact groups listed in a workspace fact sheet. */
export const WORKSPACE_GROUP_LIMIT = 200;

const SOURCE_WORDS: Record<string, string> = {
  dateline: 'the dateline',
  'last-modified': 'the “last modified” line',
  'front-matter': '`date:` in the front matter',
  setting: 'the `corroborate.dates.defaultArticleDate` setting',
};

/** Text in a Markdown table cell or list item: quoted literally, one line. */
export function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*[\]<>|]/g, (ch) => `\\${ch}`)
    // an underscore inside a word ("003_kremlin") is no emphasis in CommonMark
    .replace(/_/g, (ch, at: number, all: string) => (/[A-Za-z0-9]/.test(all[at - 1] ?? '') && /[A-Za-z0-9]/.test(all[at + 1] ?? '') ? ch : `\\${ch}`));
}

const KIND_WORDS: Record<string, string> = { person: 'person', organization: 'organisation', place: 'place', group: 'group' };

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

function articleDateLine(summary: ArticleSummary): string {
  const date = summary.articleDate;
  if (!date) return 'Article date: none found (relative dates such as “last Friday” stay unresolved; *Corroborate: Set Article Date* adds one).';
  const from = SOURCE_WORDS[date.source] ?? date.source;
  return `Article date: **${date.iso}**, from ${from}${date.text ? ` (“${cell(date.text)}”)` : ''}.`;
}

function conflictLines(findings: readonly RatedFinding[], displayPath: DisplayPath, withPath: boolean): string[] {
  if (findings.length === 0) return ['None: the consistency checks found nothing to flag.'];
  return findings.map((f) => {
    const where = withPath ? `${cell(displayPath(f.uri))}:${f.at.line + 1}` : `line ${f.at.line + 1}`;
    const related = f.related.map((r) => `${cell(displayPath(r.uri))}:${r.at.line + 1}`).join(', ');
    return `- **${f.severity}** ${where}: ${cell(f.message)} (${f.check})${related ? ` · see ${related}` : ''}`;
  });
}

export interface FactSheetInput {
  readonly index: WorkspaceIndex;
  readonly findings: ReadonlyMap<string, readonly RatedFinding[]>;
  readonly displayPath: DisplayPath;
  /** The workspace's name, for the title of a workspace fact sheet. */
  readonly workspaceName?: string;
}

/** The fact sheet of one article. */
export function articleFactSheet(input: FactSheetInput, uri: string): FactSheetResult | undefined {
  const { index, findings, displayPath } = input;
  const summary = index.get(uri);
  if (!summary) return undefined;
  const path = displayPath(uri);
  const out: string[] = [`# Fact sheet: ${cell(path)}`, FACT_SHEET_MARKER, '', articleDateLine(summary), ''];
  const mine = findings.get(uri) ?? [];
  out.push(`## Conflicts (${mine.length})`, '', ...conflictLines(mine, displayPath, false), '');

  const clusters = index.clustersIn(uri);
  out.push(`## Entities (${clusters.length})`, '');
  if (clusters.length > 0) {
    out.push('| Entity | Kind | Written here | Mentions here | In the workspace |', '|---|---|---|---|---|');
    for (const { cluster, mentions } of clusters) {
      const written = [...new Set(mentions.map((m) => m.mention.text.replace(/\s+/g, ' ')))].join(', ');
      const workspace = `${plural(cluster.mentionCount, 'mention')} in ${plural(cluster.articles.length, 'article')}`;
      out.push(`| ${cell(cluster.canonical)} | ${KIND_WORDS[cluster.type]} | ${cell(written)} | ${mentions.length} | ${workspace} |`);
    }
    out.push('');
  }

  out.push(`## Dates (${summary.dates.length})`, '');
  if (summary.dates.length > 0) {
    out.push('| Line | As written | Date | How it was read |', '|---|---|---|---|');
    for (const date of summary.dates) {
      const value = date.value ? `${date.value.iso}${date.approximate ? ' (approximate)' : ''}` : 'unresolved';
      out.push(`| ${date.line + 1} | ${cell(date.text)} | ${value} | ${cell(date.explanation)} |`);
    }
    out.push('');
  }

  const facts = buildFacts({ index, findings, displayPath, params: { uri, limit: 10_000 } });
  const figures = summary.figures.length;
  out.push(`## Figures (${figures})`, '');
  if (figures > 0) {
    out.push('| Line | As written | Value | Stated elsewhere (same fact) |', '|---|---|---|---|');
    const groupOf = new Map<number, (typeof facts.groups)[number]>();
    for (const group of facts.groups) {
      for (const claim of group.claims) if (claim.uri === uri) groupOf.set(claim.range.start.line * 1e6 + claim.range.start.character, group);
    }
    for (const figure of summary.figures) {
      const group = groupOf.get(figure.line * 1e6 + figure.character);
      const elsewhere = group?.compared
        ? group.claims
            .filter((c) => c.uri !== uri)
            .slice(0, 5)
            .map((c) => `${cell(c.figure)} in ${cell(c.path)}${c.when ? ` (${c.when})` : ''}`)
            .join('; ')
        : '';
      out.push(`| ${figure.line + 1} | ${cell(figure.text)} | ${cell(figureSummary(figure))} | ${elsewhere || '—'} |`);
    }
    out.push('');
  }
  const base = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return { title: `Fact sheet: ${path}`, fileName: `fact-sheet-${base || 'article'}.md`, markdown: out.join('\n') };
}

/** The fact sheet of the whole workspace. */
export function workspaceFactSheet(input: FactSheetInput): FactSheetResult {
  const { index, findings, displayPath } = input;
  const uris = index.uris().sort((a, b) => displayPath(a).localeCompare(displayPath(b)));
  const all = [...findings.values()].flat();
  const name = input.workspaceName ?? 'the workspace';
  let dates = 0;
  let figures = 0;
  for (const uri of uris) {
    dates += index.get(uri)?.dates.length ?? 0;
    figures += index.get(uri)?.figures.length ?? 0;
  }
  const clusters = index.clusters();
  const out: string[] = [
    `# Fact sheet: ${cell(name)}`,
    FACT_SHEET_MARKER,
    '',
    `${plural(uris.length, 'article')} · ${plural(clusters.length, 'entity', 'entities')} · ${plural(dates, 'date')} · ${plural(figures, 'figure')} · ${plural(all.length, 'conflict')}`,
    '',
    '## Articles',
    '',
    '| Article | Date | Entities | Dates | Figures | Conflicts |',
    '|---|---|---|---|---|---|',
  ];
  for (const uri of uris) {
    const summary = index.get(uri)!;
    const date = summary.articleDate ? summary.articleDate.iso : 'none';
    out.push(`| ${cell(displayPath(uri))} | ${date} | ${index.clustersIn(uri).length} | ${summary.dates.length} | ${summary.figures.length} | ${findings.get(uri)?.length ?? 0} |`);
  }
  out.push('', `## Conflicts (${all.length})`, '', ...conflictLines(all, displayPath, true), '');

  out.push(`## Entities (${clusters.length}${clusters.length > WORKSPACE_ENTITY_LIMIT ? `, the ${WORKSPACE_ENTITY_LIMIT} most mentioned` : ''})`, '');
  if (clusters.length > 0) {
    out.push('| Entity | Kind | Spellings | Mentions | Articles |', '|---|---|---|---|---|');
    for (const cluster of clusters.slice(0, WORKSPACE_ENTITY_LIMIT)) {
      const spellings = cluster.spellings.map((s) => `${s.text} (${s.mentions})`).join(', ');
      out.push(`| ${cell(cluster.canonical)} | ${KIND_WORDS[cluster.type]} | ${cell(spellings)} | ${cluster.mentionCount} | ${cluster.articles.length} |`);
    }
    out.push('');
  }

  out.push(`## Dates (${dates})`, '');
  for (const uri of uris) {
    const summary = index.get(uri)!;
    if (summary.dates.length === 0) continue;
    out.push(`### ${cell(displayPath(uri))}${summary.articleDate ? ` (${summary.articleDate.iso})` : ' (no article date)'}`, '');
    for (const date of summary.dates) {
      out.push(`- line ${date.line + 1}: “${cell(date.text)}” = ${date.value ? date.value.iso : 'unresolved'}`);
    }
    out.push('');
  }

  const facts = buildFacts({ index, findings, displayPath, params: { limit: WORKSPACE_GROUP_LIMIT } });
  out.push(`## Figures, by what they count (${facts.totalGroups} groups${facts.totalGroups > WORKSPACE_GROUP_LIMIT ? `, the first ${WORKSPACE_GROUP_LIMIT}` : ''})`, '');
  for (const group of facts.groups) {
    const flags = [group.measure, group.role, group.compared ? 'compared by the checks' : undefined, group.conflicts ? plural(group.conflicts, 'conflict') : undefined]
      .filter(Boolean)
      .join(' · ');
    out.push(`### ${cell(group.label)} (${flags})`, '');
    for (const claim of group.claims) {
      const notes = [claim.when, claim.attribution ? `according to ${claim.attribution}` : undefined, claim.quoted ? 'quoted' : undefined]
        .filter((note): note is string => note !== undefined)
        .map(cell);
      if (claim.conflict) notes.push(`**${claim.conflict.severity}**: ${cell(claim.conflict.message)}`);
      out.push(`- ${cell(claim.figure)} — ${cell(claim.path)}:${claim.range.start.line + 1}${notes.length ? ` · ${notes.join(' · ')}` : ''}`);
    }
    out.push('');
  }
  return { title: `Fact sheet: ${name}`, fileName: 'fact-sheet.md', markdown: out.join('\n') };
}
