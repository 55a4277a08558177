/** Options every benchmark gets. */
export interface BenchOptions {
  /** A small, fast run to check the benchmark works (not for figures). */
  quick: boolean;
  log: (line: string) => void;
}

/** One benchmark: returns the markdown of its section of BENCHMARKS.md. */
export interface BenchModule {
  name: string;
  run(options: BenchOptions): Promise<string>;
}
