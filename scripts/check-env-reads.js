// DESIGN.md: server/config is the only reader of process.env (main/ passes it in). Fails listing offenders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'src');
const allowed = [path.join('server', 'config') + path.sep, path.join('server', 'main') + path.sep];
const offenders = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
      const rel = path.relative(root, file);
      if (allowed.some((a) => rel.startsWith(a))) continue;
      if (readFileSync(file, 'utf8').includes('process.env')) offenders.push(rel);
    }
  }
})(root);
if (offenders.length) {
  console.error(`process.env is read outside server/config and server/main:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
