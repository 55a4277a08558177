import { apiBench } from './api.bench.js';
import { kbBench } from './kb.bench.js';
import { mailBench } from './mail.bench.js';
import { queueBench } from './queue.bench.js';
import { slaBench } from './sla.bench.js';
import type { BenchModule } from './lib/bench-module.js';
import { BENCHMARKS_FILE, writeSection } from './lib/report.js';

/** Every benchmark behind `npm run bench`, in order. Add new ones here. */
const MODULES: BenchModule[] = [apiBench, queueBench, slaBench, kbBench, mailBench];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : null;
const selected = MODULES.filter((m) => !only || only.includes(m.name));
if (selected.length === 0) {
  console.error(`no benchmark named ${only?.join(',')}; known: ${MODULES.map((m) => m.name).join(', ')}`);
  process.exit(2);
}
for (const module of selected) {
  console.error(`== ${module.name}`);
  const markdown = await module.run({ quick, log: (line) => console.error(`   ${line}`) });
  writeSection(module.name, markdown);
  console.log(markdown);
}
console.error(`written to ${BENCHMARKS_FILE}`);
