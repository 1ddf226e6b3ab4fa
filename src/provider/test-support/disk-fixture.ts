/** A described ECS disk for mapping tests: every DescribeDisks field at a plausible value, `over` sets what a case needs. */
import type { Disk } from '../../ecs/index.js';

export function diskFixture(over: Partial<Disk> = {}): Disk {
  return {
    DiskId: 'd-1',
    DiskName: '',
    Description: '',
    Type: 'data',
    Category: 'cloud_essd',
    Size: 20,
    Device: '',
    Status: 'Available',
    InstanceId: '',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-i',
    ImageId: '',
    SourceSnapshotId: '',
    ResourceGroupId: 'rg-1',
    CreationTime: '2026-01-01T00:00Z',
    AttachedTime: '',
    DetachedTime: '',
    Encrypted: false,
    KMSKeyId: '',
    Portable: true,
    DeleteWithInstance: false,
    DeleteAutoSnapshot: true,
    EnableAutoSnapshot: false,
    DiskChargeType: 'PostPaid',
    MultiAttach: 'Disabled',
    PerformanceLevel: 'PL1',
    SerialNumber: 'd-1-serial',
    OperationLocks: { OperationLock: [] },
    Attachments: { Attachment: [] },
    Tags: { Tag: [] },
    ...over,
  };
}
