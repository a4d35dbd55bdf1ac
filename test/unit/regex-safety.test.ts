// No regular expression in the server can backtrack catastrophically: every regex literal in server/src is checked
// with recheck (a ReDoS checker) instead of being timed, so the analysis stays linear on hostile input.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { checkSync } from 'recheck';
import { ROOT } from '../helpers/seeds';

interface Found {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function regexLiterals(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const slash = literal.lastIndexOf('/');
      found.push({
        file: path.relative(ROOT, file),
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        source: literal.slice(1, slash),
        flags: literal.slice(slash + 1),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('regular expressions', function () {
  this.timeout(300_000);

  it('every regex literal in server/src is free of catastrophic backtracking (recheck)', () => {
    const all = sourceFiles(path.join(ROOT, 'server', 'src')).flatMap(regexLiterals);
    assert.ok(all.length > 0, 'found no regex literals at all: the scanner is broken');
    const problems: string[] = [];
    for (const regex of all) {
      const result = checkSync(regex.source, regex.flags, { timeout: 10_000 });
      if (result.status === 'vulnerable') {
        const complexity = result.complexity ? `${result.complexity.type}` : '';
        problems.push(`${regex.file}:${regex.line} /${regex.source}/${regex.flags}: ${complexity}, attack: ${JSON.stringify(result.attack?.pattern ?? '')}`);
      } else if (result.status === 'unknown') {
        problems.push(`${regex.file}:${regex.line} /${regex.source}/${regex.flags}: recheck could not decide (${JSON.stringify(result.error)})`);
      }
    }
    assert.deepEqual(problems, [], `regexes that can backtrack super-linearly:\n${problems.join('\n')}`);
  });
});
