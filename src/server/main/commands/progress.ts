import cliProgress from 'cli-progress';

/** A progress bar on stderr (stdout stays clean for data); silent when stderr is not a terminal and quiet is asked. */
export function progressBar(label: string, total: number): { update(done: number): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
