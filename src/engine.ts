/**
 * The former entry point, kept for the commands, benchmarks and tests that open the service this
 * way: the wiring lives in src/runtime/compose.ts.
 */
export {
  compose as openEngine,
  databaseFile,
  indexFile,
  type EngineLog,
  type Services as Engine,
  type ServicesRole as EngineRole,
} from './runtime/compose.js';
