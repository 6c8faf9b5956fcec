/**
 * `npm run vacuum`: once, with the service stopped, on a data directory whose SQLite file was
 * created before new files got incremental vacuum (KOHTAANTO_DATA_DIR): rewrites the SQLite file with
 * `auto_vacuum = INCREMENTAL` (src/runtime/vacuum.ts). From then on the running service gives the pages
 * freed by the retention back to the disk by itself (src/runtime/retention.ts).
 */
import { loadConfig } from '../config.js';
import { vacuumDataDir } from '../runtime/vacuum.js';

const { status, message } = vacuumDataDir(loadConfig());
if (status === 0) console.log(message);
else console.error(message);
process.exitCode = status;
