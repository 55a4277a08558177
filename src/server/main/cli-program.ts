import { Command } from 'commander';
import { registerCoreCommands } from './commands/core-commands.js';
import { registerEntitlementCommands } from './commands/entitlement-commands.js';
import { registerSlaCommands } from './commands/sla-commands.js';
import { registerKbCommands } from './commands/kb-commands.js';
import { registerMailCommands } from './commands/mail-commands.js';

/** The `guichet` command. Each area registers its subcommands here. */
export function buildCli(): Command {
  const program = new Command('guichet')
    .description('Guichet: the technical-support desk for software vendors')
    .option('--data <dir>', 'data directory for the SQLite database and attachments (default ./data)')
    .showHelpAfterError();
  registerCoreCommands(program);
  registerEntitlementCommands(program);
  registerSlaCommands(program);
  registerKbCommands(program);
  registerMailCommands(program);
  return program;
}
