// Command dispatch for the CLI. Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or I/O error.
import { annotateCommand } from './annotate';
import { checkCommand } from './check';
import { entitiesCommand } from './entities';

export const USAGE = `Usage: corroborate <command> [options]

Commands:
  annotate FILE...        print every date and figure with its position, kind and value
                          (--format text|json)
  entities DIR...         list the entities of a folder of articles: every spelling, mention counts
                          and articles, linked as the editor links them (--format text|json,
                          --min-mentions N)
  check [PATH...]         the consistency checks over files and folders (default: .), as
                          file:line:col: severity [check] message lines (--format text|json|sarif,
                          --fail-on warning|error|never; default warning)
  help                    show this help

Exit codes: 0 success, 1 problems at or above --fail-on (check), 2 usage or I/O error.
`;

export class UsageError extends Error {}

export async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'annotate':
        return await annotateCommand(rest);
      case 'entities':
        return await entitiesCommand(rest);
      case 'check':
        return await checkCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`corroborate: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
