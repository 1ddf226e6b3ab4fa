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
import { findKeyPair, keyPairMigrations, setKeyPairResourceGroup, type KeyPairRecord } from './repository.js';
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
};
