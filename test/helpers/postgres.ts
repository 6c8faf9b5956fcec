import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migratePostgres } from '../../src/adapters/postgres/migrate.js';
import { openPool } from '../../src/adapters/postgres/pool.js';

/**
 * Throw-away PostgreSQL clusters for the tests: one per test worker (vitest's forks share their
 * module cache across files: isolate false), started on first use in a temporary directory on a
 * free loopback port, and a fresh database per test file. Nothing external and no system service:
 * Debian's server binaries (`apt-get install postgresql`, which `.ci/run` does) run as an
 * unprivileged user when the tests run as root (initdb refuses root). The cluster stops and its
 * directory goes when the worker exits (a watchdog also does it if the worker is killed).
 */

const INSTALL = "PostgreSQL's server binaries (initdb, pg_ctl) were not found: install Debian's `postgresql` package (apt-get install postgresql; .ci/run does it), or set PG_BINDIR to the directory holding them";

/** The directory of initdb and pg_ctl: PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin, else pg_config's. */
export function postgresBinDir(): string {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (process.env.PG_BINDIR) {
    if (has(process.env.PG_BINDIR)) return process.env.PG_BINDIR;
    throw new Error(`PG_BINDIR=${process.env.PG_BINDIR} holds no initdb and pg_ctl. ${INSTALL}`);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (has(join(root, v, 'bin'))) return join(root, v, 'bin');
  const fromPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromPath.status === 0 && has(fromPath.stdout.trim())) return fromPath.stdout.trim();
  throw new Error(INSTALL);
}

export interface Cluster {
  /** postgres://…@127.0.0.1:<port>/ without a database name. */
  base: string;
  port: number;
  dir: string;
  /** Milliseconds initdb and the start took. */
  startMs: number;
  stop(): void;
}

const NOBODY = { uid: 65534, gid: 65534 };
const SUPERUSER = 'kohtaanto';

/** The command line that runs a server binary as the unprivileged user when this process is root. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [bin, args];
  return ['setpriv', [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', '--', bin, ...args]];
}

function run(bin: string, args: string[], cwd: string): void {
  const [command, argv] = asServerUser(bin, args);
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** initdb and start a cluster in a new temporary directory on a free loopback port (tried again on another port if taken meanwhile). */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinDir();
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, NOBODY.uid, NOBODY.gid);
  const data = join(dir, 'data');
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], dir);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      // Durability is not what these tests measure: no fsync; connections on loopback and the socket in the directory only.
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start'], dir);
        break;
      } catch (error) {
        if (attempt >= 3) throw new Error(`${(error as Error).message}\n${readLog(dir)}`);
      }
    }
    const stop = () => {
      spawnSync(...asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']), { cwd: dir, stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    };
    watchdog(process.pid, bin, data, dir);
    return { base: `postgres://${SUPERUSER}@127.0.0.1:${port}`, port, dir, startMs: performance.now() - started, stop };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

const readLog = (dir: string) => (existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '');

/** Stops the cluster (or clusters) and removes their directory once process `pid` is gone, however it ended. */
function watchdog(pid: number, bin: string, data: string | string[], dir: string): void {
  const stops = (Array.isArray(data) ? data : [data]).map((d) => {
    const [command, argv] = asServerUser(join(bin, 'pg_ctl'), ['-D', d, '-m', 'immediate', '-w', 'stop']);
    const quoted = [command, ...argv].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    return `[ -d '${d}' ] && (cd '${dir}' && ${quoted}) >/dev/null 2>&1; `;
  });
  const script = `while kill -0 ${pid} 2>/dev/null; do sleep 1; done; ${stops.join('')}rm -rf '${dir}'`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

/** A primary and its synchronous streaming standby (see startReplicatedCluster). */
export interface ReplicatedCluster {
  primary: { port: number; data: string };
  standby: { port: number; data: string };
  /** postgres://…@127.0.0.1:<primary>,127.0.0.1:<standby>/<database>?target_session_attrs=read-write */
  url(database: string): string;
  /** A single-host connection string to one server. */
  urlOf(server: 'primary' | 'standby', database: string): string;
  /** kill -9 of the primary's postmaster and all its processes at once (a machine lost, not a clean stop). */
  killPrimary(): void;
  /** SIGSTOP of the primary's WAL sender: nothing more reaches the standby (a slow or cut replication link). */
  stopWalSender(): Promise<void>;
  /** pg_ctl promote on the standby, waiting until it accepts writes. */
  promoteStandby(): void;
  stop(): void;
}

/** The postmaster's pid, from postmaster.pid's first line. */
const postmasterPid = (data: string) => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);

/**
 * A primary and a synchronous streaming standby (asynchronous with `synchronous: false`, the tests'
 * control) in one new temporary directory, on free loopback
 * ports, as the unprivileged user (as startCluster): initdb and start the primary, `pg_basebackup
 * -R` (the standby's copy and its primary_conninfo), start the standby, then make it synchronous on
 * the primary (`synchronous_standby_names = '*'`, `synchronous_commit = on`: a commit is
 * acknowledged once the standby has flushed it) and wait until pg_stat_replication says `sync`.
 * fsync stays off (a killed process loses nothing the kernel has; these tests do not cut power).
 * The standby does not get the setting: promoted, it accepts writes without a standby of its own.
 */
export async function startReplicatedCluster(options: { synchronous?: boolean } = {}): Promise<ReplicatedCluster> {
  const synchronous = options.synchronous ?? true;
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-pg-replicated-'));
  if (process.getuid?.() === 0) chownSync(dir, NOBODY.uid, NOBODY.gid);
  const primary = { port: 0, data: join(dir, 'primary') };
  const standby = { port: 0, data: join(dir, 'standby') };
  const start = async (server: { port: number; data: string }, log: string) => {
    for (let attempt = 1; ; attempt++) {
      server.port = await freePort();
      const options = `-c listen_addresses=127.0.0.1 -p ${server.port} -k ${dir} -c fsync=off -c max_connections=60 -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on -c wal_sender_timeout=5s -c wal_receiver_status_interval=1s`;
      try {
        run(join(bin, 'pg_ctl'), ['-D', server.data, '-l', join(dir, log), '-w', '-t', '60', '-o', options, 'start'], dir);
        return;
      } catch (error) {
        if (attempt >= 3) throw new Error(`${(error as Error).message}\n${existsSync(join(dir, log)) ? readFileSync(join(dir, log), 'utf8') : ''}`);
      }
    }
  };
  const stopServer = (data: string) => spawnSync(...asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']), { cwd: dir, stdio: 'ignore' });
  watchdog(process.pid, bin, [standby.data, primary.data], dir);
  try {
    run(join(bin, 'initdb'), ['-D', primary.data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], dir);
    await start(primary, 'primary.log');
    run(join(bin, 'pg_basebackup'), ['-D', standby.data, '-R', '-X', 'stream', '-c', 'fast', '-h', '127.0.0.1', '-p', String(primary.port), '-U', SUPERUSER, '--no-sync'], dir);
    await start(standby, 'standby.log');
    const admin = new pg.Client({ connectionString: `postgres://${SUPERUSER}@127.0.0.1:${primary.port}/postgres` });
    await admin.connect();
    try {
      if (synchronous) await admin.query("ALTER SYSTEM SET synchronous_standby_names = '*'");
      await admin.query('ALTER SYSTEM SET synchronous_commit = on');
      await admin.query('SELECT pg_reload_conf()');
      const until = Date.now() + 30_000;
      while ((await admin.query('SELECT 1 FROM pg_stat_replication WHERE sync_state = $1', [synchronous ? 'sync' : 'async'])).rowCount !== 1) {
        if (Date.now() > until) throw new Error(`the standby did not replicate (${synchronous ? 'sync' : 'async'}) within 30 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await admin.end();
    }
  } catch (error) {
    for (const server of [standby, primary]) if (existsSync(join(server.data, 'postmaster.pid'))) stopServer(server.data);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const base = (port: number) => `postgres://${SUPERUSER}@127.0.0.1:${port}`;
  return {
    primary,
    standby,
    url: (database) => `postgres://${SUPERUSER}@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/${database}?target_session_attrs=read-write`,
    urlOf: (server, database) => `${base(server === 'primary' ? primary.port : standby.port)}/${database}`,
    killPrimary() {
      // Every PostgreSQL child is its own process group (setsid), so a group kill would hit the
      // postmaster alone and its backends would live on for a moment: one bailing out of its wait
      // for the standby would make a commit the standby lacks visible. The machine is lost at once.
      const pid = postmasterPid(primary.data);
      const children = readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
          } catch {
            return false; // gone meanwhile
          }
        })
        .map(Number);
      for (const p of [pid, ...children]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    },
    async stopWalSender() {
      const admin = new pg.Client({ connectionString: `${base(primary.port)}/postgres` });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_replication');
        process.kill(rows[0]!.pid, 'SIGSTOP');
      } finally {
        await admin.end();
      }
    },
    promoteStandby() {
      run(join(bin, 'pg_ctl'), ['-D', standby.data, '-w', '-t', '60', 'promote'], dir);
    },
    stop() {
      for (const server of [standby, primary]) if (existsSync(join(server.data, 'postmaster.pid'))) stopServer(server.data);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let cluster: Promise<Cluster> | undefined;

/** This worker's cluster, started on first use and stopped when the worker exits. */
export function workerCluster(): Promise<Cluster> {
  if (!cluster) {
    cluster = startCluster();
    cluster.then(
      (c) => process.once('exit', () => c.stop()),
      () => undefined,
    );
  }
  return cluster;
}

let databases = 0;

/**
 * CREATE DATABASE copying the template's files (PostgreSQL 15's default, WAL_LOG, writes every page
 * to the WAL: slower for these small databases; older servers only copy files).
 */
let copyFiles: Promise<string> | undefined;
const fileCopy = (admin: pg.Client) =>
  (copyFiles ??= admin.query<{ v: string }>('SHOW server_version_num').then(({ rows }) => (Number(rows[0]!.v) >= 150000 ? ' STRATEGY FILE_COPY' : '')));

/** A new, empty database on this worker's cluster (a copy of `template`, else of PostgreSQL's template1); `drop` removes it (its connections must be closed). */
export async function freshDatabase(template?: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const c = await workerCluster();
  const name = `t_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: `${c.base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}${await fileCopy(admin)}`);
  } finally {
    await admin.end();
  }
  return {
    url: `${c.base}/${name}`,
    name,
    drop: async () => {
      const a = new pg.Client({ connectionString: `${c.base}/postgres` });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * This worker's database with Kohtaanto's schema (migratePostgres on an empty database), never
 * opened again: migratedDatabase copies it (~10 times faster than migrating each file's database).
 */
let migrated: Promise<string> | undefined;
const migratedTemplate = (): Promise<string> =>
  (migrated ??= (async () => {
    const db = await freshDatabase();
    const pool = await openPool(`${db.url}?target_session_attrs=read-write`, { max: 1 });
    try {
      await migratePostgres(pool);
    } finally {
      await pool.end();
    }
    return db.name;
  })());

/** A fresh database on this worker's cluster with Kohtaanto's schema, and a pool on it; `close` ends the pool and drops the database. */
export async function migratedDatabase(): Promise<{ pool: pg.Pool; url: string; close(): Promise<void> }> {
  const db = await freshDatabase(await migratedTemplate());
  const pool = await openPool(`${db.url}?target_session_attrs=read-write`, { max: 4 });
  return {
    pool,
    url: db.url,
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
}
