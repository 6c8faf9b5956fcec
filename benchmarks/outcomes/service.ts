/**
 * The service bench:outcomes plays its market through: the real engine and HTTP app (fastify's
 * inject, every route, hook and schema) on a temporary data directory, with a clock the simulation
 * moves (each request one second later), and a key per role of the organisations the tests use.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { Role } from '../../src/core/access.js';
import { openEngine, type Engine } from '../../src/engine.js';
import { buildApp, type App } from '../../src/http/app.js';

export interface SimService {
  engine: Engine;
  app: App;
  dataDir: string;
  /** The employment area of Tampere, whose counsellors the simulation's counsellor key belongs to. */
  areaId: string;
  /** Puts the service's clock on a day (noon UTC). */
  setDay(day: string): void;
  call(role: Role, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, contentType?: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

const quiet = { info: () => {}, warn: () => {} };

/** Starts the service; `labelsFrom`: a data directory whose taxonomy label vectors to reuse (embedding ESCO's labels again costs a minute). */
export async function startSimService(labelsFrom?: string): Promise<SimService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-outcomes-'));
  if (labelsFrom) for (const f of ['skills.labels', 'occupations.labels']) if (existsSync(join(labelsFrom, f))) copyFileSync(join(labelsFrom, f), join(dataDir, f));
  let now = Date.parse('2025-01-01T12:00:00Z');
  const config = loadConfig({
    ...process.env,
    KOHTAANTO_DATA_DIR: dataDir,
    KOHTAANTO_LOG_LEVEL: 'silent',
    KOHTAANTO_SEED_FIXTURES: 'false',
    KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const engine = await openEngine(config, quiet, undefined, 'single', () => new Date(now));
  await engine.ready;
  const areaId = engine.employmentAreas.areaOf('837').id;
  await engine.organisations.add({ id: 'sim-area', name: 'Simulated employment area (Tampere)', kind: 'employment-area', area: areaId });
  await engine.organisations.add({ id: 'sim-unit', name: 'Simulated employer services', kind: 'employer-services' });
  await engine.organisations.add({ id: 'sim-planning', name: 'Simulated planning office', kind: 'planning' });
  const org: Record<Role, string> = { counsellor: 'sim-area', 'employer-service': 'sim-unit', planner: 'sim-planning', admin: 'national' };
  const keys = Object.fromEntries(await Promise.all((Object.keys(org) as Role[]).map(async (role) => [role, (await engine.keys.create(role, `simulated ${role}`, org[role])).key]))) as Record<Role, string>;
  // On a loaded machine a plugin can miss fastify's 10 s start limit (@fastify/swagger-ui did, once in
  // 13 starts at load 30): the app is built again on the same engine, at most three times.
  let app: App | undefined;
  for (let attempt = 1; !app; attempt++) {
    let built: App | undefined;
    try {
      built = await buildApp(engine, config); // registering a plugin awaits its start
      await built.ready();
      app = built;
    } catch (error) {
      await built?.close().catch(() => undefined);
      if (attempt >= 3) {
        engine.close();
        throw error;
      }
    }
  }

  return {
    engine,
    app,
    dataDir,
    areaId,
    setDay: (day) => {
      now = Date.parse(`${day}T12:00:00Z`);
    },
    async call(role, method, url, body, contentType = 'application/json') {
      now += 1000;
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const response = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${keys[role]}`, ...(payload !== undefined ? { 'content-type': contentType } : {}) },
        ...(payload !== undefined ? { payload } : {}),
      });
      const text = response.body;
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // CSV or empty
      }
      return { status: response.statusCode, body: parsed };
    },
    close: async () => {
      await app!.close();
      engine.close();
    },
  };
}
