export interface LogLine {
  level: 'info' | 'warn';
  message: string;
}

/**
 * TEST DOUBLE — an EngineLog (src/runtime/log.ts) that keeps its lines in memory, in order, for
 * tests that read what the engine reported (an index rebuilt, a taxonomy loaded, a warning). Never
 * used by the service, whose lines go to pino (src/cli/serve.ts).
 */
export class MemoryLog {
  readonly lines: LogLine[] = [];

  // Bound: the composition hands `log.warn` on as a function (the PostgreSQL change feed, leadership, decision log).
  readonly info = (message: string): void => void this.lines.push({ level: 'info', message });

  readonly warn = (message: string): void => void this.lines.push({ level: 'warn', message });
}
