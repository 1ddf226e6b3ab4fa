/**
 * Type-level tests of the client typed end to end. `npm run build` (tsc) compiles this file:
 * every `@ts-expect-error` line must be an error or the build fails, so a table that stops
 * constraining its callers breaks the build. The functions are never run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImageSpec, deleteImageSpec, describeImagesSpec, modifyImageAttributeSpec } from '../spec/ecs/images.js';
import type { ClientInputOf, HandlerOutputOf, InputOf, OutputOf } from '../spec/ecs/infer.js';
import { tagResourcesSpec } from '../spec/ecs/tags.js';
import { describeVpcsSpec } from '../spec/vpc/vpcs.js';
import type { AlibabaCloudClient } from './client.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

export async function inputs(client: AlibabaCloudClient): Promise<void> {
  // Valid calls compile: RegionId and ClientToken are optional, enums take their literals.
  await client.call(createImageSpec, { InstanceId: 'i-1', Architecture: 'arm64', Tag: [{ Key: 'k', Value: 'v' }] });
  await client.call(describeImagesSpec, { ImageId: ['m-1'], Status: ['ALL'], ImageOwnerAlias: 'self', PageSize: 100 });
  await client.call(modifyImageAttributeSpec, { ImageId: 'm-1', LicenseType: 'BYOL', Features: { NvmeSupport: 'supported' } });

  // @ts-expect-error -- LicenseType is not a CreateImage parameter (ModifyImageAttribute takes it).
  await client.call(createImageSpec, { LicenseType: 'BYOL' });
  // @ts-expect-error -- nor is Features.NvmeSupport.
  await client.call(createImageSpec, { Features: { NvmeSupport: 'supported' } });
  // @ts-expect-error -- a wrong enum value.
  await client.call(createImageSpec, { Architecture: 'sparc' });
  // @ts-expect-error -- a misspelt parameter.
  await client.call(createImageSpec, { ImageNam: 'x' });
  // @ts-expect-error -- a required parameter is missing.
  await client.call(modifyImageAttributeSpec, { ImageName: 'x' });
  // @ts-expect-error -- a packed list is an array, not a string.
  await client.call(describeImagesSpec, { ImageId: 'm-1' });
  // @ts-expect-error -- a boolean is not a number.
  await client.call(deleteImageSpec, { ImageId: 'm-1', Force: 1 });
  // @ts-expect-error -- an unknown field inside a repeat-list item.
  await client.call(createImageSpec, { Tag: [{ Name: 'k' }] });
  // @ts-expect-error -- a repeat-list item without its required field.
  await client.call(tagResourcesSpec, { ResourceType: 'image', ResourceId: ['m-1'], Tag: [{ Value: 'v' }] });
  // @ts-expect-error -- DryRun is not a TagResources parameter.
  await client.call(tagResourcesSpec, { ResourceType: 'image', ResourceId: ['m-1'], Tag: [{ Key: 'k' }], DryRun: true });
}

export async function outputs(client: AlibabaCloudClient): Promise<void> {
  const images = await client.call(describeImagesSpec, {});
  const image = images.Images.Image[0]!;
  assertType<Equal<typeof image.ImageId, string>>();
  assertType<Equal<typeof image.Size, number>>();
  assertType<Equal<typeof image.Usable, boolean>>();
  // A mapping's Size is a string on the wire, and stays one.
  assertType<Equal<(typeof image.DiskDeviceMappings.DiskDeviceMapping)[number]['Size'], string>>();
  assertType<Equal<typeof images.TotalCount, number>>();
  assertType<Equal<typeof images.RequestId, string>>();
  // @ts-expect-error -- a field the table does not declare.
  void image.Bogus;
  const _vpcs: OutputOf<typeof describeVpcsSpec> = await client.call(describeVpcsSpec, {});
  assertType<Equal<(typeof _vpcs.Vpcs.Vpc)[number]['Tags']['Tag'][number], { Key: string; Value: string }>>();
  const _created = await client.call(createImageSpec, {});
  assertType<Equal<typeof _created, { ImageId: string; RequestId: string }>>();
}

export function decodedInputs(_input: InputOf<typeof createImageSpec>, _client: ClientInputOf<typeof createImageSpec>): void {
  // The emulator's decoded input: a required parameter is present, an optional one may be absent.
  assertType<Equal<typeof _input.RegionId, string>>();
  assertType<Equal<typeof _input.Architecture, 'i386' | 'x86_64' | 'arm64' | undefined>>();
  assertType<
    Equal<
      typeof _input.DiskDeviceMapping,
      { SnapshotId?: string; Size?: number; Device?: string; DiskType?: 'system' | 'data' }[] | undefined
    >
  >();
  // The client's input: RegionId is filled by the client.
  assertType<Equal<typeof _client.RegionId, string | undefined>>();
  // A handler returns the body without RequestId; defaulted fields may be left out.
  const body: HandlerOutputOf<typeof describeImagesSpec> = { TotalCount: 0, Images: { Image: [{ ImageId: 'm-1', Status: 'Available' }] } };
  void body;
  // @ts-expect-error -- but the list itself is required.
  const bad: HandlerOutputOf<typeof describeImagesSpec> = { TotalCount: 0 };
  void bad;
}

test('the type-level checks above compiled (the build would have failed otherwise)', () => {
  assert.equal(typeof inputs, 'function');
  assert.equal(typeof outputs, 'function');
  assert.equal(typeof decodedInputs, 'function');
});
