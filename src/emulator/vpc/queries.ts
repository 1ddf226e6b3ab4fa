/** What other families may ask the vpc family: security groups read (or get) their VPC, instances their vSwitch. */
import type Database from 'better-sqlite3';
import type { HandlerContext } from '../context.js';
import { findVpc, findVSwitch, type VpcRecord, type VSwitchRecord } from './repository.js';
import { ensureDefaultVpc } from './vpc-handlers.js';

declare module '../context.js' {
  interface FamilyQueries {
    vpc: VpcQueries;
  }
}

export interface VpcQueries {
  /** The account's VPC in the region, or undefined. */
  findVpc(db: Database.Database, accountId: number, regionId: string, id: string): VpcRecord | undefined;
  /** The account's vSwitch in the region, or undefined. */
  findVSwitch(db: Database.Database, accountId: number, regionId: string, id: string): VSwitchRecord | undefined;
  /** The request region's default VPC, created first when the region has none (what ECS does for a group without VpcId). */
  ensureDefaultVpc(ctx: HandlerContext): VpcRecord;
}

export const vpcQueries: VpcQueries = { findVpc, findVSwitch, ensureDefaultVpc };
