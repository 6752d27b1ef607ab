import { actionsCommand } from './commands/actions';
import { assignCommand } from './commands/assign';
import { auditLogCommand } from './commands/audit-log';
import { backupCommand, encryptCommand } from './commands/backup';
import { deadlinesCommand } from './commands/deadlines';
import { decideCommand } from './commands/decide';
import { demoCommand } from './commands/demo';
import { findingsCommand } from './commands/findings';
import { importCommand } from './commands/import';
import { packetCommand } from './commands/packet';
import { profileCommand } from './commands/profile';
import { payersCommand } from './commands/payers';
import { reanalyzeCommand } from './commands/reanalyze';
import { reportCommand } from './commands/report';
import { requestCommand } from './commands/request';
import { answeredCommand } from './commands/answered';
import { reviewCommand } from './commands/review';
import { sampleCommand, sampleReportCommand } from './commands/sample';
import { settingsCommand } from './commands/settings';
import { MAIN_HELP, UsageError } from './usage';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  import: importCommand,
  review: reviewCommand,
  findings: findingsCommand,
  decide: decideCommand,
  profile: profileCommand,
  actions: actionsCommand,
  reanalyze: reanalyzeCommand,
  assign: assignCommand,
  packet: packetCommand,
  settings: settingsCommand,
  payers: payersCommand,
  demo: demoCommand,
  backup: backupCommand,
  encrypt: encryptCommand,
  'audit-log': auditLogCommand,
  deadlines: deadlinesCommand,
  request: requestCommand,
  answered: answeredCommand,
  sample: sampleCommand,
  'sample-report': sampleReportCommand,
  report: reportCommand,
};

/** Runs one CLI command; returns the exit code. Errors never print a stack unless --debug. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(MAIN_HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`chartready: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    const debug = argv.includes('--debug');
    if (err instanceof UsageError) {
      console.error(
        `chartready ${name}: ${err.message}\nRun "chartready ${name} --help" for usage.`,
      );
      return 2;
    }
    console.error(`chartready ${name}: ${(err as Error).message ?? String(err)}`);
    if (debug) console.error((err as Error).stack);
    return 1;
  }
}
