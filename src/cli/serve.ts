import { buildApp } from '../http/app.js';
import { loadConfig } from '../config.js';
import { openEngine } from '../engine.js';

/** `npm start`: the service on the embedded default (SQLite file under data/, fixtures on first start). */
async function main() {
  const config = loadConfig();
  const started = Date.now();
  const app = await buildAppWithEngine(config);
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Kohtaanto ready in ${Date.now() - started} ms: http://${config.host}:${config.port}/docs`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: closing`);
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

async function buildAppWithEngine(config: ReturnType<typeof loadConfig>) {
  const { default: pino } = await import('pino');
  const logger = pino({ level: config.logLevel });
  const engine = await openEngine(config, {
    info: (m) => logger.info(m),
    warn: (m) => logger.warn(m),
  });
  const app = await buildApp(engine, {
    bodyLimit: config.bodyLimit,
    bulkBodyLimit: config.bulkBodyLimit,
    loggerInstance: logger,
  });
  app.addHook('onClose', async () => engine.close());
  return app;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
