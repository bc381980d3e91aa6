import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src-shared/kernel/app-error';

/**
 * PGlite is one process's database: a second process opening the same DATA_DIR would corrupt it.
 * The server and the admin tool take this lock file; a lock left by a dead process is taken over.
 */
const LOCK_FILE = '.saksflyt.lock';

export function lockDataDir(dataDir: string, owner: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  if (existsSync(file)) {
    const [pid, holder] = readFileSync(file, 'utf8').split('\n');
    if (pid && isAlive(Number(pid))) {
      throw new AppError(
        'precondition',
        `${dataDir} is in use by ${holder ?? 'another process'} (pid ${pid}). Stop it first, or use PostgreSQL (DATABASE_URL) to run both at once.`,
      );
    }
  }
  writeFileSync(file, `${process.pid}\n${owner}\n`);
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
