/**
 * The plugin's unix socket file: where it lives, a name that says whose it is, and the
 * clean-up of files left by plugin processes that were killed (`kill -9` runs no handler).
 *
 * Name: `tf-alicloud-<pid>-<random>.sock`. A file is removed as stale only when it is
 * provably ours and unused: that name pattern, a socket, owned by this user, and its pid no
 * longer running. Sockets of other programs (go-plugin's `plugin*` names included) are never
 * touched.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PATTERN = /^tf-alicloud-(\d+)-[0-9a-f]+\.sock$/;

/** The folder for sockets: the given one, else PLUGIN_UNIX_SOCKET_DIR, else the temp folder. */
export function socketDir(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return dir || env.PLUGIN_UNIX_SOCKET_DIR || tmpdir();
}

/** A fresh socket path for this process in `dir`. */
export function socketPath(dir: string): string {
  return join(dir, `tf-alicloud-${process.pid}-${randomBytes(5).toString('hex')}.sock`);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the sockets in `dir` left by our plugin processes that are gone; returns the removed paths. Never throws. */
export function removeStaleSockets(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const m = PATTERN.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || pidAlive(pid)) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isSocket() || (uid !== undefined && st.uid !== uid)) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Gone meanwhile or not ours to remove: leave it.
    }
  }
  return removed;
}
