// corroborate annotate FILE...: every date and figure (and entity) with position, kind and normalised value.
import { readFile } from 'node:fs/promises';
import { analyze } from '../analysis/analyze';
import { LineIndex } from '../analysis/lines';
import { figureSummary } from '../features/describe';
import { isMarkdownPath } from '../articles';
import { parseArgs } from './options';
import { UsageError } from './main';
import { decodeArticle } from './read';

interface AnnotationRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly type: 'date' | 'figure' | 'person' | 'organization' | 'place' | 'group';
  readonly text: string;
  readonly value: string;
  readonly detail: Record<string, unknown>;
}

export async function annotateCommand(args: readonly string[]): Promise<number> {
  const { positional, options } = parseArgs(args, { format: ['text', 'json'] });
  if (positional.length === 0) throw new UsageError('annotate needs at least one FILE');
  const rows: AnnotationRow[] = [];
  let failed = false;
  for (const file of positional) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      process.stderr.write(`corroborate: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      failed = true;
      continue;
    }
    const decoded = decodeArticle(bytes);
    if (decoded.warning) process.stderr.write(`corroborate: ${file}: ${decoded.warning}\n`);
    const analysis = analyze(decoded.text, { markdown: isMarkdownPath(file) });
    const lines = new LineIndex(decoded.text);
    const at = (start: number, end: number) => {
      const from = lines.position(start);
      const to = lines.position(end);
      return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
    };
    for (const date of analysis.dates) {
      rows.push({
        file, ...at(date.start, date.end), type: 'date', text: date.text,
        value: date.value?.iso ?? 'unresolved',
        detail: { kind: date.kind, explanation: date.explanation, ...(date.value ?? {}) },
      });
    }
    for (const figure of analysis.figures) {
      rows.push({
        file, ...at(figure.start, figure.end), type: 'figure', text: figure.text, value: figureSummary(figure),
        detail: { kind: figure.kind, value: figure.value, low: figure.low, high: figure.high, unit: figure.unit, hedge: figure.hedge, counted: figure.counted },
      });
    }
    for (const entity of analysis.entities) {
      rows.push({ file, ...at(entity.start, entity.end), type: entity.type, text: entity.text, value: entity.text, detail: { title: entity.title } });
    }
  }
  rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  if (options.get('format') === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } else {
    for (const row of rows) {
      process.stdout.write(`${row.file}:${row.line}:${row.column}: ${row.type} "${row.text.replace(/\s+/g, ' ')}" -> ${row.value}\n`);
    }
  }
  return failed ? 2 : 0;
}
