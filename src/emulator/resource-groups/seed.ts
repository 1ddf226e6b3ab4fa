/**
 * Seeded resource groups: every account gets `default` plus `dev` and `prod`, with ids that are
 * stable and readable (`rg-default-<accountId>`), so examples and tests can name them.
 */
import type Database from 'better-sqlite3';
import type { Account } from '../context.js';
import { insertResourceGroup } from './repository.js';

/** Stable id of a seeded group of an account. */
export function seededGroupId(accountId: number, name: 'default' | 'dev' | 'prod'): string {
  return `rg-${name}-${accountId}`;
}

export function seedResourceGroups(db: Database.Database, account: Account | null): void {
  if (!account) return;
  const groups: [name: 'default' | 'dev' | 'prod', display: string][] = [
    ['default', 'Default Resource Group'],
    ['dev', 'Development'],
    ['prod', 'Production'],
  ];
  groups.forEach(([name, displayName], i) =>
    insertResourceGroup(db, {
      id: seededGroupId(account.accountId, name),
      accountId: account.accountId,
      name,
      displayName,
      status: 'OK',
      isDefault: name === 'default',
      createDate: `2024-01-01T00:00:0${i}Z`,
    }),
  );
}
