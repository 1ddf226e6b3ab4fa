/** What other families may ask the deployment-sets family: RunInstances and ModifyInstanceDeployment place instances in a set. */
import type Database from 'better-sqlite3';
import { apiError } from '../context.js';
import { deploymentSets } from './repository.js';
import { placeMembers, type DeploymentSetMember } from './placement.js';

declare module '../context.js' {
  interface FamilyQueries {
    deploymentSets: DeploymentSetQueries;
  }
}

export interface DeploymentSetQueries {
  /**
   * The group numbers (0 without groups) of `amount` instances joining the set in `zoneId`, given
   * its current `members`; throws InvalidDeploymentSetId.NotFound, InvalidParameter.DeploymentSetGroupNo
   * or QuotaExceed.DeploymentSetInstanceQuotaFull.
   */
  place(
    db: Database.Database,
    where: { accountId: number; regionId: string; zoneId: string },
    id: string,
    amount: number,
    members: readonly DeploymentSetMember[],
    groupNo: number | undefined,
  ): number[];
}

export const deploymentSetQueries: DeploymentSetQueries = {
  place(db, where, id, amount, members, groupNo) {
    const set = deploymentSets.find(db, where.accountId, where.regionId, id);
    if (!set) throw apiError('InvalidDeploymentSetId.NotFound', `The deployment set ${id} does not exist in region ${where.regionId}.`);
    return placeMembers(set, where.zoneId, amount, members, groupNo);
  },
};
