/**
 * Temporary keys STS has issued, and which actions each key was used for (so a test, or a
 * person reading `GET /_emulator/state`, can see that calls were made with an assumed role).
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';

export interface SessionRecord {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** The role's account: the account the key acts in. */
  accountId: number;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** `AssumeRole` or `AssumeRoleWithOIDC`. */
  via: string;
  /** Who asked: the caller's ARN, or the OIDC provider ARN. */
  issuedBy: string;
  policy: string | null;
  createdAt: number;
  /** Milliseconds since the epoch; the key is refused from then on. */
  expiresAt: number;
}

interface Row {
  access_key_id: string;
  access_key_secret: string;
  security_token: string;
  account_id: number;
  role_name: string;
  role_id: string;
  session_name: string;
  via: string;
  issued_by: string;
  policy: string | null;
  created_at: number;
  expires_at: number;
}

export function insertSession(db: Database.Database, s: SessionRecord): void {
  cachedStatement(
    db,
    `INSERT INTO sts_sessions (access_key_id, access_key_secret, security_token, account_id, role_name, role_id, session_name, via, issued_by, policy, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.accessKeyId,
    s.accessKeySecret,
    s.securityToken,
    s.accountId,
    s.roleName,
    s.roleId,
    s.sessionName,
    s.via,
    s.issuedBy,
    s.policy,
    s.createdAt,
    s.expiresAt,
  );
}

export function findSession(db: Database.Database, accessKeyId: string): SessionRecord | undefined {
  const r = cachedStatement(db, 'SELECT * FROM sts_sessions WHERE access_key_id = ?').get(accessKeyId) as Row | undefined;
  return (
    r && {
      accessKeyId: r.access_key_id,
      accessKeySecret: r.access_key_secret,
      securityToken: r.security_token,
      accountId: r.account_id,
      roleName: r.role_name,
      roleId: r.role_id,
      sessionName: r.session_name,
      via: r.via,
      issuedBy: r.issued_by,
      policy: r.policy,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    }
  );
}

export function recordUse(db: Database.Database, accessKeyId: string, action: string): void {
  cachedStatement(
    db,
    `INSERT INTO sts_key_usage (access_key_id, action, count) VALUES (?, ?, 1)
     ON CONFLICT (access_key_id, action) DO UPDATE SET count = count + 1`,
  ).run(accessKeyId, action);
}
