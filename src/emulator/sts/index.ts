/**
 * The STS family (product Sts 2015-04-01): temporary keys for RAM roles. The keys it issues
 * authenticate like configured key pairs (the core asks the `sts` queries), act in the role's
 * account, need their SecurityToken on every request and stop working when they expire.
 */
import type { Family } from '../context.js';
import { stsActionSpecs, stsErrorSpecs } from '../../spec/sts/sts.js';
import * as handlers from './handlers.js';
import { stsMigrations } from './migrations.js';
import { stsQueries } from './queries.js';

export const stsFamily: Family = {
  name: 'sts',
  product: 'Sts',
  specs: stsActionSpecs,
  handlers,
  errors: stsErrorSpecs,
  migrations: stsMigrations,
  queries: { sts: stsQueries },
};
