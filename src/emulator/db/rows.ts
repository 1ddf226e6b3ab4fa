/** Reading SQLite rows into records: the columns the VPC family's records (VPC, vSwitch, security group) all have. */

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

/** The owner, region, description, resource group, client token and creation time of a record. */
export interface OwnedColumns {
  accountId: number;
  regionId: string;
  description: string;
  resourceGroupId: string;
  clientToken: string | null;
  createdAt: number;
}

/** The {@link OwnedColumns} of a row (`account_id`, `region_id`, ...; a NULL client token stays null). */
export const ownedColumns = (r: Row): OwnedColumns => ({
  accountId: r.account_id as number,
  regionId: r.region_id as string,
  description: r.description as string,
  resourceGroupId: r.resource_group_id as string,
  clientToken: (r.client_token as string | null) ?? null,
  createdAt: r.created_at as number,
});
