/** What other families may ask the security-groups family: instances read their groups, vpc counts the groups it holds. */
import type Database from 'better-sqlite3';
import { countSecurityGroupsInVpc, findSecurityGroup, type SecurityGroupRecord } from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    securityGroups: SecurityGroupQueries;
  }
}

export interface SecurityGroupQueries {
  /** The account's security group in the region, or undefined. */
  find(db: Database.Database, accountId: number, regionId: string, id: string): SecurityGroupRecord | undefined;
  /** How many of the account's security groups the VPC holds. */
  countInVpc(db: Database.Database, accountId: number, regionId: string, vpcId: string): number;
}

export const securityGroupQueries: SecurityGroupQueries = { find: findSecurityGroup, countInVpc: countSecurityGroupsInVpc };
