/**
 * `alicloud_ecs_disk_attachment` and its older twin `alicloud_disk_attachment` (one
 * implementation upstream): AttachDisk, retried while the disk or instance is still settling,
 * then wait until the disk is In_use; `delete_with_instance` changes in place
 * (ModifyDiskAttribute); DetachDisk then wait until the disk is Available. Id `<disk_id>:<instance_id>`.
 */
import { NO_STATE, defineResource, type Resource } from '../../framework/index.js';
import {
  attachDisk,
  describeDisk,
  detachDisk,
  isEcsServiceError,
  modifyDiskAttribute,
  waitDiskStatus,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { Deadline, attempt, readRemote, retryWhile } from '../common/index.js';
import { diskAttachmentExample } from './example.js';
import { ecsDiskAttachmentSchema, type EcsDiskAttachmentState } from './schema.js';

/** Codes AttachDisk and DetachDisk answer while the disk or the instance is still changing: retried, as upstream does. */
const SETTLING = [
  'IncorrectDiskStatus',
  'IncorrectInstanceStatus',
  'OperationConflict',
  'InvalidOperation.Conflict',
  'IncorrectDiskStatus.Initializing',
  'DisksDetachingOnEcsExceeded',
  'InternalError',
];
const settling = (err: unknown) => isEcsServiceError(err) && SETTLING.includes(err.code);

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidDiskId') || code.startsWith('IncorrectDiskStatus')
    ? 'disk_id'
    : code.startsWith('InvalidInstanceId') || code === 'IncorrectInstanceStatus' || code === 'InstanceDiskLimitExceeded'
      ? 'instance_id'
      : undefined;

/** `<disk_id>:<instance_id>` split, or undefined when the id has another shape. */
export function parseAttachmentId(id: string): { diskId: string; instanceId: string } | undefined {
  const m = /^(d-[^:]+):(i-[^:]+)$/.exec(id);
  return m ? { diskId: m[1]!, instanceId: m[2]! } : undefined;
}

function state(diskId: string, instanceId: string, device: string, deleteWithInstance: boolean, prior: Partial<EcsDiskAttachmentState>) {
  return {
    id: `${diskId}:${instanceId}`,
    disk_id: diskId,
    instance_id: instanceId,
    device,
    delete_with_instance: deleteWithInstance,
    bootable: prior.bootable ?? false,
    key_pair_name: prior.key_pair_name ?? null,
    password: prior.password ?? null,
  };
}

/** The attachment resource under `typeName`; `deprecated` marks the older name. */
export function diskAttachmentResource(
  typeName: string,
  availableSince: string,
  deprecated?: string,
): Resource<typeof ecsDiskAttachmentSchema, AlibabaCloudClient> {
  return defineResource<typeof ecsDiskAttachmentSchema, AlibabaCloudClient>({
    typeName,
    schema: deprecated ? { ...ecsDiskAttachmentSchema, deprecated } : ecsDiskAttachmentSchema,
    docs: {
      subcategory: 'ECS',
      availableSince,
      productDocs: {
        title: 'AttachDisk',
        url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-attachdisk',
      },
      example: diskAttachmentExample(typeName),
      importId: 'd-running-data-1234567890123456:i-running-1234567890123456',
      importNote: '`password` and `key_pair_name` are never read back.',
    },

    async create({ plan, client, diags, signal, timeouts, saveProgress }) {
      const diskId = plan.disk_id!;
      const instanceId = plan.instance_id!;
      const deadline = new Deadline(timeouts.create);
      const attached = await attempt(diags, { summary: 'Cannot Attach Disk', attributeFor, timeoutKey: 'create' }, async () => {
        await retryWhile(
          () =>
            attachDisk(
              client,
              {
                DiskId: diskId,
                InstanceId: instanceId,
                DeleteWithInstance: plan.delete_with_instance ?? false,
                Bootable: plan.bootable || undefined,
                KeyPairName: plan.key_pair_name ?? undefined,
                Password: plan.password ?? undefined,
              },
              { signal },
            ),
          settling,
          { deadline, signal, firstDelayMs: 1000 },
        );
        return true;
      });
      if (attached === NO_STATE) return NO_STATE;
      saveProgress({ id: `${diskId}:${instanceId}` });
      const note = `The attachment ${diskId}:${instanceId} is kept in state as tainted.`;
      return attempt(diags, { summary: 'Disk Did Not Become In_use', timeoutKey: 'create', note }, async () => {
        const d = await waitDiskStatus(client, diskId, ['In_use'], { timeoutMs: deadline.remainingMs(1000), signal });
        return state(diskId, instanceId, d.Device, d.DeleteWithInstance, plan);
      });
    },

    read: (req) =>
      readRemote(
        req,
        async (id) => {
          const ids = parseAttachmentId(id);
          const d = ids && (await describeDisk(req.client, ids.diskId, { signal: req.signal }));
          // The attachment exists while the disk is attached to that instance.
          return d && ids && d.InstanceId === ids.instanceId ? { d, ids } : undefined;
        },
        ({ d, ids }) => state(ids.diskId, ids.instanceId, d.Device, d.DeleteWithInstance, req.state),
      ),

    async update({ plan, prior, changed, client, diags, signal }) {
      return attempt(diags, { summary: 'Cannot Update Disk Attachment' }, async () => {
        const diskId = prior.disk_id!;
        if (changed.has('delete_with_instance'))
          await modifyDiskAttribute(client, { DiskId: diskId, DeleteWithInstance: plan.delete_with_instance ?? false }, { signal });
        const d = await describeDisk(client, diskId, { signal });
        if (!d) throw new Error(`disk ${diskId} disappeared during the update`);
        return state(diskId, prior.instance_id!, d.Device, d.DeleteWithInstance, plan);
      });
    },

    async delete({ state: s, client, diags, signal, timeouts }) {
      const deadline = new Deadline(timeouts.delete);
      await attempt(diags, { summary: 'Cannot Detach Disk', timeoutKey: 'delete' }, async () => {
        const done = await retryWhile(() => detachDisk(client, { DiskId: s.disk_id!, InstanceId: s.instance_id! }, { signal }), settling, {
          deadline,
          signal,
          firstDelayMs: 1000,
        });
        if (done.alreadyDetached) return true;
        const d = await describeDisk(client, s.disk_id!, { signal });
        if (d) await waitDiskStatus(client, s.disk_id!, ['Available'], { timeoutMs: deadline.remainingMs(1000), signal });
        return true;
      });
    },

    async importState({ id, diags }) {
      if (!parseAttachmentId(id)) {
        diags.addError(
          'Invalid Import Id',
          `The id of a disk attachment is "<disk_id>:<instance_id>" (for example d-abc:i-def), got "${id}".`,
        );
        return null;
      }
      return { id };
    },
  });
}

export const ecsDiskAttachmentResource = diskAttachmentResource('alicloud_ecs_disk_attachment', '1.122.0');
export const legacyDiskAttachmentResource = diskAttachmentResource(
  'alicloud_disk_attachment',
  '1.0.0',
  'Resource `alicloud_disk_attachment` has been deprecated from provider version 1.122.0. Use `alicloud_ecs_disk_attachment` instead (same arguments).',
);
