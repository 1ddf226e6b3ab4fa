/**
 * One `npm start` per working folder: a lock file (`.npm-start.lock`, JSON with pid, command and
 * start time) created exclusively next to the state. A second run finds it, sees that process
 * alive, and says who holds it instead of letting Terraform time out on its state lock. A lock
 * left by a process that died (kill -9, power loss) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
}

export type LockResult = { ok: true; release(): void } | { ok: false; holder: LockHolder; file: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock of `dir` for `command`, or report the live process holding it. */
export function acquireWorkLock(dir: string, command: string): LockResult {
  const file = join(dir, '.npm-start.lock');
  const me: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me) + '\n', { flag: 'wx' });
      const release = () => {
        try {
          if ((JSON.parse(readFileSync(file, 'utf8')) as LockHolder).pid === process.pid) rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return { ok: true, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: LockHolder | undefined;
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    } catch {
      holder = undefined; // Half-written or unreadable: treat as stale.
    }
    if (holder && Number.isInteger(holder.pid) && holder.pid !== process.pid && alive(holder.pid)) return { ok: false, holder, file };
    rmSync(file, { force: true });
  }
  throw new Error(`cannot take the lock ${file}: it keeps reappearing`);
}
