/**
 * `alicloud_ecs_disk` and its older twin `alicloud_disk` (the official provider serves both from
 * one implementation): CreateDisk (fresh ClientToken) then wait for Available and apply the
 * release flags CreateDisk cannot take (ModifyDiskAttribute); updates in the official order:
 * ModifyDiskAttribute, ResizeDisk, ModifyDiskSpec (level, IOPS), JoinResourceGroup, tags; DeleteDisk, retried while the disk is
 * still detaching or a snapshot of it is in progress.
 */
import { NO_STATE, defineResource, type Resource } from '../../framework/index.js';
import {
  createDisk,
  deleteDisk,
  describeDisk,
  isEcsServiceError,
  joinResourceGroup,
  modifyDiskAttribute,
  modifyDiskPerformanceLevel,
  modifyDiskSpec,
  resizeDisk,
  waitDiskStatus,
  type AlibabaCloudClient,
  type PerformanceLevel,
} from '../../ecs/index.js';
import { Deadline, attempt, readRemote, retryWhile, syncAliasPlan, syncEcsTags } from '../common/index.js';
import { diskExample } from './example.js';
import { fromDisk, toCreateDiskInput } from './mapping.js';
import { ecsDiskSchema } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidDiskCategory')
    ? 'category'
    : code.startsWith('InvalidDiskSize') || code === 'InvalidSize.ValueNotSupported'
      ? 'size'
      : code.startsWith('InvalidDiskName')
        ? 'disk_name'
        : code.startsWith('InvalidDescription')
          ? 'description'
          : code.startsWith('InvalidZoneId')
            ? 'zone_id'
            : code.startsWith('InvalidSnapshotId')
              ? 'snapshot_id'
              : code.startsWith('InvalidPerformanceLevel')
                ? 'performance_level'
                : code.startsWith('InvalidResourceGroup')
                  ? 'resource_group_id'
                  : undefined;

/** DeleteDisk answers these while the disk cannot go yet (detaching, snapshot in progress). */
const NOT_YET = ['IncorrectDiskStatus', 'IncorrectDiskStatus.Initializing', 'DiskCreatingSnapshot'];

/** The disk resource under `typeName`; `deprecated` marks the older name. */
export function diskResource(
  typeName: string,
  availableSince: string,
  deprecated?: string,
): Resource<typeof ecsDiskSchema, AlibabaCloudClient> {
  return defineResource<typeof ecsDiskSchema, AlibabaCloudClient>({
    typeName,
    schema: deprecated ? { ...ecsDiskSchema, deprecated } : ecsDiskSchema,
    docs: {
      subcategory: 'ECS',
      availableSince,
      productDocs: {
        title: 'CreateDisk',
        url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-createdisk',
      },
      example: diskExample(typeName),
      importId: 'd-running-data-1234567890123456',
    },

    async create({ plan, client, diags, signal, timeouts, saveProgress }) {
      if (plan.payment_type === 'Subscription') {
        diags.addAttributeError(
          [{ attribute: 'payment_type' }],
          'Subscription Disks Are Not Supported',
          'payment_type = "Subscription" needs ModifyDiskChargeType, which this provider does not call yet; use PayAsYouGo.',
        );
        return NO_STATE;
      }
      const created = await attempt(diags, { summary: 'Cannot Create Disk', attributeFor }, () =>
        createDisk(client, toCreateDiskInput(plan), { signal }),
      );
      if (created === NO_STATE) return NO_STATE;
      const id = created.diskId;
      saveProgress({ id });
      const note = `The disk ${id} is kept in state as tainted.`;
      return attempt(diags, { summary: 'Disk Did Not Become Available', timeoutKey: 'create', note }, async () => {
        let disk = await waitDiskStatus(client, id, ['Available', 'In_use'], { timeoutMs: timeouts.create, signal });
        const flags = {
          DeleteAutoSnapshot: plan.delete_auto_snapshot !== disk.DeleteAutoSnapshot ? (plan.delete_auto_snapshot ?? false) : undefined,
          DeleteWithInstance:
            typeof plan.delete_with_instance === 'boolean' && plan.delete_with_instance !== disk.DeleteWithInstance
              ? plan.delete_with_instance
              : undefined,
        };
        if (flags.DeleteAutoSnapshot !== undefined || flags.DeleteWithInstance !== undefined) {
          await modifyDiskAttribute(client, { DiskId: id, ...flags }, { signal });
          disk = (await describeDisk(client, id, { signal })) ?? disk;
        }
        return fromDisk(disk, plan);
      });
    },

    async modifyPlan({ config, plan }) {
      syncAliasPlan(config, plan, 'disk_name', 'name');
      syncAliasPlan(config, plan, 'zone_id', 'availability_zone');
    },

    read: (req) =>
      readRemote(
        req,
        (id) => describeDisk(req.client, id, { signal: req.signal }),
        (d) => fromDisk(d, req.state),
      ),

    async update({ plan, prior, changed, client, diags, signal, timeouts }) {
      const id = prior.id!;
      const levelChange =
        changed.has('performance_level') && !!plan.performance_level && plan.performance_level !== prior.performance_level;
      if (levelChange && plan.category !== 'cloud_essd') {
        diags.addAttributeError(
          [{ attribute: 'performance_level' }],
          'Performance Level Needs An ESSD',
          `performance_level applies to cloud_essd disks only; disk ${id} is ${plan.category}. Remove performance_level, or replace the disk with a cloud_essd one.`,
        );
      }
      for (const a of ['category', 'payment_type'] as const) {
        if (changed.has(a) && plan[a] !== null && plan[a] !== undefined) {
          diags.addAttributeError(
            [{ attribute: a }],
            'Change Not Supported Yet',
            `Changing ${a} of disk ${id} needs ${a === 'payment_type' ? 'ModifyDiskChargeType' : 'ModifyDiskSpec'}, which this provider does not call yet. Set it back to ${JSON.stringify(prior[a])}, or replace the disk (terraform apply -replace).`,
          );
        }
      }
      if (diags.hasError()) return NO_STATE;
      const iopsChange = changed.has('provisioned_iops') && (plan.provisioned_iops ?? 0) !== (prior.provisioned_iops ?? 0);
      if (plan.dry_run === true && (levelChange || iopsChange)) {
        // Check only, before anything changes: ECS answers DryRunOperation when the change would pass.
        const spec = {
          ...(levelChange ? { PerformanceLevel: plan.performance_level as PerformanceLevel } : {}),
          ...(iopsChange ? { ProvisionedIops: plan.provisioned_iops ?? 0 } : {}),
          DryRun: true,
        };
        const checked = await attempt(diags, { summary: 'Disk Change Failed Its Dry Run', attributeFor }, async () => {
          try {
            await modifyDiskSpec(client, id, spec, { timeoutMs: timeouts.update, signal });
          } catch (err) {
            if (isEcsServiceError(err) && err.code === 'DryRunOperation') return true;
            throw err;
          }
          return true;
        });
        if (checked === NO_STATE) return NO_STATE;
        diags.addAttributeError(
          [{ attribute: 'dry_run' }],
          'Dry Run Passed, Nothing Changed',
          `ECS checked the ${[levelChange && 'performance_level', iopsChange && 'provisioned_iops'].filter(Boolean).join(' and ')} change of disk ${id} (ModifyDiskSpec DryRun) and it would pass; with dry_run = true it is not made. Set dry_run = false and apply to make it.`,
        );
        return NO_STATE;
      }
      return attempt(diags, { summary: 'Cannot Update Disk', attributeFor, timeoutKey: 'update' }, async () => {
        const name = changed.has('disk_name') ? plan.disk_name : changed.has('name') ? plan.name : undefined;
        const attrs = {
          DiskName: name ?? undefined,
          Description: changed.has('description') ? (plan.description ?? '') : undefined,
          DeleteAutoSnapshot: changed.has('delete_auto_snapshot') ? (plan.delete_auto_snapshot ?? false) : undefined,
          DeleteWithInstance: changed.has('delete_with_instance') ? (plan.delete_with_instance ?? undefined) : undefined,
          // Removing it turns the burst off (DescribeDisks reports false then, which reads back as null).
          BurstingEnabled: changed.has('bursting_enabled') ? (plan.bursting_enabled ?? false) : undefined,
        };
        if (Object.values(attrs).some((x) => x !== undefined)) await modifyDiskAttribute(client, { DiskId: id, ...attrs }, { signal });
        if (changed.has('size') && typeof plan.size === 'number' && plan.size !== prior.size)
          await resizeDisk(client, id, plan.size, { signal }, (plan.type ?? undefined) as 'offline' | 'online' | undefined);
        // After the resize: PL2 and PL3 need the larger size first.
        if (levelChange)
          await modifyDiskPerformanceLevel(client, id, plan.performance_level as PerformanceLevel, { timeoutMs: timeouts.update, signal });
        // Removing provisioned_iops sets 0 (none provisioned).
        if (iopsChange)
          await modifyDiskSpec(client, id, { ProvisionedIops: plan.provisioned_iops ?? 0 }, { timeoutMs: timeouts.update, signal });
        if (changed.has('resource_group_id') && plan.resource_group_id)
          await joinResourceGroup(client, { resourceType: 'disk', resourceId: id, resourceGroupId: plan.resource_group_id }, { signal });
        if (changed.has('tags')) await syncEcsTags(client, { resourceType: 'disk', id }, prior.tags, plan.tags, { signal });
        return fromDisk(await waitDiskStatus(client, id, ['Available', 'In_use'], { timeoutMs: timeouts.update, signal }), plan);
      });
    },

    async delete({ state, client, diags, signal, timeouts }) {
      await attempt(diags, { summary: 'Cannot Delete Disk', timeoutKey: 'delete' }, () =>
        retryWhile(
          () => deleteDisk(client, state.id!, { signal }),
          (err) => isEcsServiceError(err) && NOT_YET.includes(err.code),
          { deadline: new Deadline(timeouts.delete), signal },
        ),
      );
    },

    async importState({ id }) {
      return { id };
    },
  });
}

export const ecsDiskResource = diskResource('alicloud_ecs_disk', '1.122.0');
export const legacyDiskResource = diskResource(
  'alicloud_disk',
  '1.0.0',
  'Resource `alicloud_disk` has been deprecated from provider version 1.122.0. Use `alicloud_ecs_disk` instead (same arguments).',
);
