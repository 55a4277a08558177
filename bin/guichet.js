#!/usr/bin/env node
// The `guichet` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/server/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('guichet: the build is missing; run `npm run build` first.\n');
  process.exit(1);
}
await import(cli.href);
