/**
 * Public surface of the ECS client: the client, typed errors and guards, retry policy,
 * waiters, idempotency tokens, and the typed operations per resource family.
 */
export { AlibabaCloudClient, type AlibabaCloudClientOptions, type CallOptions, type ResponseBody } from './client.js';
export * from './errors.js';
export {
  DEFAULT_RETRY_POLICY,
  abortableSleep,
  backoffDelayMs,
  isSafeToRetry,
  type Logger,
  type RetryClock,
  type RetryPolicy,
} from './retry.js';
export { waitFor, type WaitClock, type WaitOptions } from './wait.js';
export { clientToken, randomClientToken } from './client-token.js';
export { encodeInput } from './encode.js';
export { defaultEndpoint, type ProductKey } from './endpoints.js';
export * from './images.js';
export * from './image-transfer.js';
export { deleteOssObject, ossObjectExists } from './oss.js';
export * from './image-copy.js';
export * from './tags.js';
export * from './resource-groups.js';
export * from './instances.js';
export * from './snapshots.js';
export * from './disks.js';
export * from './disk-spec.js';
export * from './vpc.js';
export * from './vswitches.js';
export * from './security-groups.js';
export * from './security-group-rules.js';
export * from './zones.js';
export * from './slb-zones.js';
export * from './resource-manager.js';
export * from './instance-lifecycle.js';
export * from './key-pairs.js';
export * from './deployment-sets.js';
export * from './hpc-clusters.js';
export * from './auto-snapshot-policies.js';
export * from './private-pools.js';
export * from './instance-renewal.js';
export * from './instance-ram-roles.js';
export * from './interface-addresses.js';
export * from './instance-launch-options.js';
export * from './instance-hardware-options.js';
export * from './prepay-instance-spec.js';
export * from './instance-maintenance.js';
export * from './network-interfaces.js';
export * from './credentials.js';
export * from './sts.js';
export * from './ram.js';
export {
  batchedGet,
  batchedGetMany,
  disksById,
  imagesById,
  instancesById,
  securityGroupsById,
  snapshotsById,
  vpcsById,
  vswitchesById,
} from './batch-kinds.js';
export type { BatchKind } from './batch.js';
