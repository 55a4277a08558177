// Copies the non-TypeScript files the server reads at run time (translation catalogues, data files)
// from src/ to dist/, keeping their paths.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ASSET = /\.(json|ics|txt|html|css|svg|png)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== 'web' && name !== 'node_modules') walk(file);
    } else if (ASSET.test(name)) {
      const target = path.join(root, 'dist', path.relative(path.join(root, 'src'), file));
      cpSync(file, target);
    }
  }
}
if (existsSync(path.join(root, 'src'))) walk(path.join(root, 'src'));
