/**
 * What answers on the emulator's port before `npm start` starts one: nothing, the emulator (with
 * the identity of the database it serves), or some other program. Also the one place the CLI
 * reads an emulator's `/_emulator/health`.
 */
import { EMULATOR_ENV } from './settings.js';
import { get } from 'node:http';

/** The database an emulator serves (`/_emulator/health`). */
export interface ServedDatabase {
  id: string;
  createdAt: string;
  path: string;
}

export type Probe = { kind: 'free' } | { kind: 'emulator'; database: ServedDatabase } | { kind: 'other'; detail: string };

/** GET /_emulator/health on 127.0.0.1:`port` with a short timeout (node:http: its timer keeps the process alive, unlike fetch's abort signal). */
export async function probeEmulator(port: number, timeoutMs = 1500): Promise<Probe> {
  let answer: { status: number; server?: string; text: string };
  try {
    answer = await new Promise((resolve, reject) => {
      const token = process.env[EMULATOR_ENV.adminToken];
      const headers = token ? { authorization: `Bearer ${token}` } : {};
      const req = get({ host: '127.0.0.1', port, path: '/_emulator/health', timeout: timeoutMs, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d.slice(0, 4096)));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, server: String(res.headers.server ?? ''), text }));
        res.once('error', reject);
      });
      req.once('timeout', () => req.destroy(Object.assign(new Error('no answer'), { code: 'ETIMEDOUT' })));
      req.once('error', reject);
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED') return { kind: 'free' };
    return { kind: 'other', detail: `it did not answer HTTP (${code ?? (err as Error).message})` };
  }
  try {
    const body = JSON.parse(answer.text) as { status?: string; database?: ServedDatabase };
    const ok = answer.status === 200 && body.status === 'ok';
    if (ok && body.database?.id) return { kind: 'emulator', database: body.database };
    if (ok) return { kind: 'other', detail: 'it is an alicloud-image emulator too old to report its database (restart it)' };
  } catch {
    // Not JSON: not the emulator.
  }
  return {
    kind: 'other',
    detail: `it answered GET /_emulator/health with HTTP ${answer.status}${answer.server ? ` (server: ${answer.server})` : ''}`,
  };
}
