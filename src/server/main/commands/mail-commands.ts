import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { validationFailed } from '../../errors/app-error.js';
import { ingestMail } from '../../services/mail/ingest-mail.js';
import { runCommand } from './shared.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** mail ingest. */
export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('E-mail: take in raw mail');
  mail
    .command('ingest')
    .description('Take one raw message (RFC 5322) from FILE or standard input (an MTA pipe) through the inbound filters; prints one JSON line {"action","ticket","reason"}')
    .argument('[file]', 'an .eml file (standard input when absent)')
    .action(async (file: string | undefined, _opts: unknown, command: Command) => {
      await runCommand(command, async (runtime) => {
        let raw: Buffer;
        try {
          raw = file ? await readFile(file) : await readStdin();
        } catch (e) {
          throw validationFailed([{ path: 'FILE', message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
        }
        const outcome = await ingestMail(runtime.deps, raw);
        process.stdout.write(`${JSON.stringify({ action: outcome.action, ticket: outcome.ticket, reason: outcome.reason })}\n`);
      });
      // An MTA retries later on 75 (EX_TEMPFAIL) rather than bouncing the mail: the database may be back.
      if (process.exitCode === 1 && file === undefined) process.exitCode = 75;
    });
}
