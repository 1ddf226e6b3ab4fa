/**
 * Configured key pairs. Each key pair is one account; accounts never see each
 * other's resources. Without configuration the emulator has two documented key pairs: the default
 * account's and a second account's (to share images between accounts).
 */
import { createHash } from 'node:crypto';
import type { Account } from './context.js';

/** The documented default AccessKey id of the emulator. */
export const DEFAULT_ACCESS_KEY_ID = 'LTAI5tEmulatorDefaultKey';
/** The documented default AccessKey secret of the emulator. */
export const DEFAULT_ACCESS_KEY_SECRET = 'EmulatorDefaultSecret';
/** The default account's id (16 digits, below 2^53). */
export const DEFAULT_ACCOUNT_ID = 1234567890123456;

/** The documented AccessKey id of the emulator's second account (image sharing between accounts). */
export const SECOND_ACCESS_KEY_ID = 'LTAI5tEmulatorSecondKey';
/** The documented AccessKey secret of the second account. */
export const SECOND_ACCESS_KEY_SECRET = 'EmulatorSecondSecret';
/** The second account's id. */
export const SECOND_ACCOUNT_ID = 2234567890123456;

/** A key pair as given to `startEmulator`. */
export interface AccountConfig {
  accessKeyId: string;
  accessKeySecret: string;
  /** Defaults to a stable number derived from the key id (DEFAULT_ACCOUNT_ID / SECOND_ACCOUNT_ID for the documented keys). */
  accountId?: number;
}

export interface Credential {
  account: Account;
  secret: string;
}

/** A stable 16-digit account id for a key id, so restarts keep ownership. */
export function deriveAccountId(accessKeyId: string): number {
  if (accessKeyId === DEFAULT_ACCESS_KEY_ID) return DEFAULT_ACCOUNT_ID;
  if (accessKeyId === SECOND_ACCESS_KEY_ID) return SECOND_ACCOUNT_ID;
  const h = createHash('sha256').update(accessKeyId).digest();
  return 1_000_000_000_000_000 + (h.readUIntBE(0, 6) % 8_000_000_000_000_000);
}

/** Build the key-id → credential table, rejecting duplicates and unsafe account ids. */
export function buildCredentials(configs: readonly AccountConfig[] | undefined): Map<string, Credential> {
  const list =
    configs && configs.length > 0
      ? configs
      : [
          { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET },
          { accessKeyId: SECOND_ACCESS_KEY_ID, accessKeySecret: SECOND_ACCESS_KEY_SECRET },
        ];
  const table = new Map<string, Credential>();
  for (const c of list) {
    if (!c.accessKeyId || !c.accessKeySecret) throw new Error('emulator accounts: accessKeyId and accessKeySecret must be non-empty');
    if (table.has(c.accessKeyId)) throw new Error(`emulator accounts: accessKeyId ${c.accessKeyId} is configured twice`);
    const accountId = c.accountId ?? deriveAccountId(c.accessKeyId);
    if (!Number.isSafeInteger(accountId) || accountId <= 0) {
      throw new Error(`emulator accounts: accountId for ${c.accessKeyId} must be a positive integer below 2^53`);
    }
    table.set(c.accessKeyId, { account: { accessKeyId: c.accessKeyId, accountId }, secret: c.accessKeySecret });
  }
  return table;
}
