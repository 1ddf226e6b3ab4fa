/**
 * The key-pairs family (product Ecs 2014-05-26): SSH key pairs made or imported per region,
 * taggable (`keypair`), resource-group members, and bound to instances through the instances
 * family's queries (AttachKeyPair/DetachKeyPair, RunInstances KeyPairName).
 */
import type Database from 'better-sqlite3';
import { pickErrors, type Family } from '../context.js';
import { keyPairActions, keyPairErrors } from '../../spec/ecs/key-pairs.js';
import { resourceGroupsErrors } from '../../spec/ecs/resource-groups.js';
import * as handlers from './handlers.js';
import { findKeyPair, insertKeyPair, keyPairMigrations, setKeyPairResourceGroup, type KeyPairRecord } from './repository.js';
import { fingerprintOf, parsePublicKey } from './ssh-keys.js';
import { seededGroupId } from '../resource-groups/seed.js';

/** The key pair every account starts with in its default region (import examples, key_name tests). */
export const SEEDED_KEY_PAIR = 'ops-key';
const SEEDED_PUBLIC_KEY =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCh0IPqmDy0qlWRq26tkVki1bdvDHxNiVmklS7YMtFW54Vz+ISpDd1SnFqRb7rVN6dVb0hN8CdOOISw2nuEJ1/+LaBhnv0qgX2FX4deS25lgdzfIdqtnGiHLCBcq3svcBKFKIcIT+8makV0ayJ81eFTAox3xch8vvyo3QT+PnI7q4aEK10sqtjb6DuDrxT2Nd/qtLehhwao0Y2qgHQImuxI1JFyQFgk1AzhPHtNVQGDFjVB+yJqcBCIlHmUKNADBScEne5GY3nWCzqQg0Oqrh9PEVOMkAf+fCpY7kq7/98yV8ISZR6oZCIbQUoNop5VlcMrFiYaTarV7DE13I4H/9Bh';
import { tagParamErrors } from '../tags/validate.js';

declare module '../context.js' {
  interface FamilyQueries {
    keyPairs: KeyPairQueries;
  }
}

export interface KeyPairQueries {
  /** The account's key pair in the region by name, or undefined. */
  find(db: Database.Database, accountId: number, regionId: string, name: string): KeyPairRecord | undefined;
}

export const keyPairsFamily: Family = {
  name: 'key-pairs',
  product: 'Ecs',
  specs: keyPairActions,
  handlers,
  errors: [...keyPairErrors, ...pickErrors(resourceGroupsErrors, 'InvalidResourceGroup.NotFound'), ...tagParamErrors],
  migrations: keyPairMigrations,
  taggable: { keypair: (db, accountId, regionId, name) => findKeyPair(db, accountId, regionId, name) !== undefined },
  groupMembers: { keypair: setKeyPairResourceGroup },
  queries: { keyPairs: { find: findKeyPair } },
  seed(db, account, settings) {
    // Idempotent: account seeds run at every start.
    if (!account || findKeyPair(db, account.accountId, settings.defaultRegionId, SEEDED_KEY_PAIR)) return;
    insertKeyPair(db, {
      accountId: account.accountId,
      regionId: settings.defaultRegionId,
      name: SEEDED_KEY_PAIR,
      fingerprint: fingerprintOf(parsePublicKey(SEEDED_PUBLIC_KEY)!.blob),
      publicKey: SEEDED_PUBLIC_KEY,
      resourceGroupId: seededGroupId(account.accountId, 'default'),
      creationTime: '2024-01-01T00:00Z',
      createdAt: Date.parse('2024-01-01T00:00:00Z'),
    });
  },
};
