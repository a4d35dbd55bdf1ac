// corroborate entities DIR...: the entities of a folder of articles, each with its spellings, mention counts and
// articles, as the language server links them (same index, same rules, same .corroborate.json).
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { nodeFileSystem } from '../workspace/fileSystem';
import { pathOfUri, WorkspaceIndexer } from '../workspace/indexer';
import type { ClusterView } from '../workspace/index';
import { parseArgs } from './options';
import { UsageError } from './main';

interface EntityRow {
  readonly name: string;
  readonly type: string;
  readonly mentions: number;
  readonly articles: number;
  readonly spellings: { text: string; mentions: number; articles: number }[];
  readonly files: { file: string; line: number; mentions: number }[];
  readonly ambiguousWith?: readonly string[];
}

export async function entitiesCommand(args: readonly string[]): Promise<number> {
  const { positional, options } = parseArgs(args, { format: ['text', 'json'], 'min-mentions': 'string' });
  if (positional.length === 0) throw new UsageError('entities needs a DIR (a folder of articles)');
  const minMentions = Number(options.get('min-mentions') ?? '1');
  if (!Number.isInteger(minMentions) || minMentions < 1) throw new UsageError('--min-mentions must be a whole number of at least 1');
  const folders: string[] = [];
  for (const dir of positional) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) {
      process.stderr.write(`corroborate: ${dir} is not a folder\n`);
      return 2;
    }
    folders.push(path.resolve(dir));
  }
  const indexer = new WorkspaceIndexer(nodeFileSystem);
  indexer.setFolders(folders);
  const showProgress = process.stderr.isTTY === true;
  const result = await indexer.indexAll(({ done, total }) => {
    if (showProgress && total > 50) process.stderr.write(`\rcorroborate: indexing ${done}/${total}`);
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  for (const skipped of result.skipped) process.stderr.write(`corroborate: ${skipped.message}\n`);
  for (const file of indexer.configFileProblems) {
    for (const problem of file.problems) process.stderr.write(`corroborate: ${pathOfUri(file.uri)}: ${problem.severity}: ${problem.message}\n`);
  }
  const relative = (uri: string) => {
    const filePath = pathOfUri(uri) ?? uri;
    const folder = folders.find((f) => filePath.startsWith(f + path.sep));
    return folder ? path.relative(folder, filePath) : filePath;
  };
  const rows = indexer.index
    .clusters()
    .filter((cluster) => cluster.mentionCount >= minMentions)
    .map((cluster) => rowOf(cluster, relative));
  if (options.get('format') === 'json') {
    process.stdout.write(JSON.stringify({ articles: indexer.index.size, entities: rows }, null, 2) + '\n');
  } else {
    for (const row of rows) {
      const spellings = row.spellings.map((s) => `${s.text} ×${s.mentions}`).join(', ');
      const ambiguous = row.ambiguousWith ? `  (not linked: could be ${row.ambiguousWith.join(' or ')})` : '';
      process.stdout.write(`${row.name} [${row.type}] ${row.mentions} mention${row.mentions === 1 ? '' : 's'} in ${row.articles} article${row.articles === 1 ? '' : 's'}: ${spellings}${ambiguous}\n`);
    }
    process.stderr.write(`corroborate: ${rows.length} entities in ${indexer.index.size} articles\n`);
  }
  return 0;
}

function rowOf(cluster: ClusterView, relative: (uri: string) => string): EntityRow {
  return {
    name: cluster.canonical,
    type: cluster.type,
    mentions: cluster.mentionCount,
    articles: cluster.articles.length,
    spellings: cluster.spellings.map((s) => ({ text: s.text, mentions: s.mentions, articles: s.articles })),
    files: cluster.articles.map((article) => ({ file: relative(article.uri), line: article.mentions[0]!.mention.line + 1, mentions: article.mentions.length })),
    ...(cluster.ambiguousWith ? { ambiguousWith: cluster.ambiguousWith } : {}),
  };
}
