/**
 * `alicloud_ecs_snapshot` and its older twin `alicloud_snapshot` (one implementation upstream):
 * CreateSnapshot (fresh ClientToken) then wait for `accomplished`; ModifySnapshotAttribute for
 * name, description and retention (then wait again), JoinResourceGroup, tags; DeleteSnapshot
 * (`force`), a snapshot already gone counting as deleted.
 */
import { NO_STATE, defineResource, type Resource } from '../../framework/index.js';
import {
  createSnapshot,
  deleteSnapshot,
  describeSnapshot,
  joinResourceGroup,
  modifySnapshotAttribute,
  waitSnapshotAccomplished,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { attempt, readRemote, syncAliasPlan, syncEcsTags } from '../common/index.js';
import { snapshotExample } from './example.js';
import { fromSnapshot, toCreateSnapshotInput } from './mapping.js';
import { ecsSnapshotSchema } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidDiskId') || code.startsWith('IncorrectDiskStatus')
    ? 'disk_id'
    : code.startsWith('InvalidSnapshotName')
      ? 'snapshot_name'
      : code.startsWith('InvalidDescription')
        ? 'description'
        : code.startsWith('InvalidRetentionDays')
          ? 'retention_days'
          : code.startsWith('InvalidResourceGroup')
            ? 'resource_group_id'
            : undefined;

/** The snapshot resource under `typeName`; `deprecated` marks the older name. */
export function snapshotResource(
  typeName: string,
  availableSince: string,
  deprecated?: string,
): Resource<typeof ecsSnapshotSchema, AlibabaCloudClient> {
  return defineResource<typeof ecsSnapshotSchema, AlibabaCloudClient>({
    typeName,
    schema: deprecated ? { ...ecsSnapshotSchema, deprecated } : ecsSnapshotSchema,
    docs: {
      subcategory: 'ECS',
      availableSince,
      productDocs: {
        title: 'CreateSnapshot',
        url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-createsnapshot',
      },
      example: snapshotExample(typeName),
      importId: 's-running-data-1234567890123456',
    },

    async create({ plan, client, diags, signal, timeouts, saveProgress }) {
      const created = await attempt(diags, { summary: 'Cannot Create Snapshot', attributeFor }, () =>
        createSnapshot(client, toCreateSnapshotInput(plan), { signal }),
      );
      if (created === NO_STATE) return NO_STATE;
      const id = created.snapshotId;
      saveProgress({ id });
      const note = `The snapshot ${id} is kept in state as tainted.`;
      return attempt(diags, { summary: 'Snapshot Was Not Accomplished', timeoutKey: 'create', note }, async () =>
        fromSnapshot(await waitSnapshotAccomplished(client, id, { timeoutMs: timeouts.create, signal }), plan),
      );
    },

    async modifyPlan({ config, plan }) {
      syncAliasPlan(config, plan, 'snapshot_name', 'name');
    },

    read: (req) =>
      readRemote(
        req,
        (id) => describeSnapshot(req.client, id, { signal: req.signal }),
        (s) => fromSnapshot(s, req.state),
      ),

    async update({ plan, prior, changed, client, diags, signal, timeouts }) {
      const id = prior.id!;
      return attempt(diags, { summary: 'Cannot Update Snapshot', attributeFor, timeoutKey: 'update' }, async () => {
        const name = changed.has('snapshot_name') ? plan.snapshot_name : changed.has('name') ? plan.name : undefined;
        const attrs = {
          SnapshotName: name ?? undefined,
          Description: changed.has('description') ? (plan.description ?? '') : undefined,
          RetentionDays: changed.has('retention_days') ? (plan.retention_days ?? undefined) : undefined,
        };
        if (Object.values(attrs).some((x) => x !== undefined))
          await modifySnapshotAttribute(client, { SnapshotId: id, ...attrs }, { signal });
        if (changed.has('resource_group_id') && plan.resource_group_id)
          await joinResourceGroup(
            client,
            { resourceType: 'snapshot', resourceId: id, resourceGroupId: plan.resource_group_id },
            { signal },
          );
        if (changed.has('tags')) await syncEcsTags(client, { resourceType: 'snapshot', id }, prior.tags, plan.tags, { signal });
        return fromSnapshot(await waitSnapshotAccomplished(client, id, { timeoutMs: timeouts.update, signal }), plan);
      });
    },

    async delete({ state, client, diags, signal }) {
      await attempt(diags, { summary: 'Cannot Delete Snapshot', timeoutKey: 'delete' }, () =>
        deleteSnapshot(client, state.id!, state.force === true, { signal }),
      );
    },

    async importState({ id }) {
      return { id };
    },
  });
}

export const ecsSnapshotResource = snapshotResource('alicloud_ecs_snapshot', '1.120.0');
export const legacySnapshotResource = snapshotResource(
  'alicloud_snapshot',
  '1.0.0',
  'Resource `alicloud_snapshot` has been deprecated from provider version 1.120.0. Use `alicloud_ecs_snapshot` instead (same arguments).',
);
