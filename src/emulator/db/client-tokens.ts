/**
 * ClientToken idempotency shared by every family.
 *
 * One table, `client_tokens`, keyed by (account, region, action, token), remembers the
 * fingerprint of the first request's parameters and its answer. A retry with the same
 * token and the same parameters gets that answer again without running the action; the
 * same token with other parameters is refused with `IdempotentParameterMismatch`.
 * The table is a family data table (dumped and wiped by reset like the resources it
 * points at), created by the migrations of the families that use it (`clientTokensTableSql`),
 * so an emulator without such a family has no such table.
 */
import { canonicalJson } from '../../spec/canonical-json.js';
import { apiError, type HandlerContext } from '../context.js';
import type { Db } from './open.js';

/** Schema of the shared table (idempotent: every family that uses tokens puts it in a migration). */
export const clientTokensTableSql = `CREATE TABLE IF NOT EXISTS client_tokens (
  account_id INTEGER NOT NULL,
  region_id TEXT NOT NULL,
  action TEXT NOT NULL,
  token TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (account_id, region_id, action, token)
)`;

/**
 * SQL of a family migration that moves the rows of an older per-family token table
 * (same columns) into `client_tokens` and drops it. The first stored answer wins. A new
 * database never had the old table, so an empty stand-in is made first.
 */
export function moveClientTokensSql(oldTable: string): string {
  return `${clientTokensTableSql};
    CREATE TABLE IF NOT EXISTS ${oldTable} (account_id, region_id, action, token, fingerprint, result);
    INSERT OR IGNORE INTO client_tokens (account_id, region_id, action, token, fingerprint, result)
    SELECT account_id, region_id, action, token, fingerprint, result FROM ${oldTable};
    DROP TABLE ${oldTable};`;
}

/** Canonical JSON of a request (keys sorted at every depth; ClientToken and DryRun left out). */
export function requestFingerprint(input: Readonly<Record<string, unknown>>): string {
  const { ClientToken: _t, DryRun: _d, ...rest } = input;
  return canonicalJson(rest);
}

/** The stored answer and parameter fingerprint of an earlier request with this token, if any. */
export function findClientToken(
  db: Db,
  accountId: number,
  regionId: string,
  action: string,
  token: string,
): { fingerprint: string; result: Record<string, unknown> } | undefined {
  const row = db
    .prepare('SELECT fingerprint, result FROM client_tokens WHERE account_id = ? AND region_id = ? AND action = ? AND token = ?')
    .get(accountId, regionId, action, token) as { fingerprint: string; result: string } | undefined;
  return row && { fingerprint: row.fingerprint, result: JSON.parse(row.result) as Record<string, unknown> };
}

/** Remember the answer of a request made with this token (replacing any earlier one). */
export function saveClientToken(
  db: Db,
  accountId: number,
  regionId: string,
  action: string,
  token: string,
  fingerprint: string,
  result: Record<string, unknown>,
): void {
  db.prepare(
    'INSERT OR REPLACE INTO client_tokens (account_id, region_id, action, token, fingerprint, result) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(accountId, regionId, action, token, fingerprint, JSON.stringify(result));
}

/**
 * Run `run` once per ClientToken. With no token (undefined or empty) it simply runs.
 * With a token seen before for this account, region and action: the stored answer when
 * `fingerprintInput` fingerprints the same, else `IdempotentParameterMismatch`. Otherwise
 * runs and stores the answer; an error thrown by `run` (DryRunOperation included) stores nothing.
 */
export function withClientToken<T extends Record<string, unknown>>(
  ctx: HandlerContext,
  action: string,
  token: string | undefined,
  fingerprintInput: Readonly<Record<string, unknown>>,
  run: () => T,
): T {
  if (!token) return run();
  const {
    db,
    account: { accountId },
    regionId,
  } = ctx;
  const fp = requestFingerprint(fingerprintInput);
  const prior = findClientToken(db, accountId, regionId, action, token);
  // The stored answer is the one `run` gave for the same action, so it has its type.
  if (prior && prior.fingerprint === fp) return prior.result as T;
  if (prior)
    throw apiError(
      'IdempotentParameterMismatch',
      `The ClientToken "${token}" was already used by a ${action} request with different parameters.`,
    );
  // A savepoint so the answer is stored only together with what produced it.
  return db.transaction(() => {
    const result = run();
    saveClientToken(db, accountId, regionId, action, token, fp, result);
    return result;
  })();
}
