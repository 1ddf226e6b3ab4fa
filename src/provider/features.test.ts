import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostics, type MaybeUnknown } from '../framework/index.js';
import { nullConfig, nullState, silentLog, type Loose } from '../framework/testing/fixtures.js';
import { instanceSchema } from './instance/schema.js';
import {
  DEFAULT_FEATURES,
  providerSchema,
  resolveFeatures,
  resolveProviderConfig,
  type ProviderClient,
  type ProviderConfig,
} from './config.js';
import { alicloudProvider } from './provider.js';
import { instanceResource } from './instance/resource.js';

/** A wholly known provider block: every attribute null, every block absent, then the given ones. */
function block(over: Loose<ProviderConfig> = {}): ProviderConfig {
  return nullConfig(providerSchema, over);
}

const features = (value: boolean | null) => [{ ecs_instance: [{ replace_on_image_update: value }] }];

test('replace_on_image_update defaults to false when the features block, its ecs_instance block or the switch is absent', () => {
  assert.deepEqual(resolveFeatures(block()), DEFAULT_FEATURES);
  assert.equal(resolveFeatures(block({ features: [{ ecs_instance: [] }] })).ecsInstance.replaceOnImageUpdate, false);
  assert.equal(resolveFeatures(block({ features: features(null) })).ecsInstance.replaceOnImageUpdate, false);
  assert.equal(resolveFeatures(block({ features: features(false) })).ecsInstance.replaceOnImageUpdate, false);
});

test('features { ecs_instance { replace_on_image_update = true } } resolves to true and rides along the client options', () => {
  assert.equal(resolveFeatures(block({ features: features(true) })).ecsInstance.replaceOnImageUpdate, true);
  const r = resolveProviderConfig(block({ access_key: 'A', secret_key: 'S', features: features(true) }), { env: {} });
  assert.ok(!('problems' in r));
  assert.deepEqual(r.features, { ecsInstance: { replaceOnImageUpdate: true } });
});

test('configure puts the features on the client it returns, and returns no client while the block is unknown', async () => {
  const configure = alicloudProvider.configure!;
  const req = (config: MaybeUnknown<ProviderConfig>) => ({
    config,
    terraformVersion: '1.9.0',
    diags: new Diagnostics(),
    signal: new AbortController().signal,
    log: silentLog,
  });
  const client = (await configure(req(block({ access_key: 'A', secret_key: 'S', features: features(true) })))) as ProviderClient;
  assert.equal(client.features?.ecsInstance.replaceOnImageUpdate, true);
  const plain = (await configure(req(block({ access_key: 'A', secret_key: 'S' })))) as ProviderClient;
  assert.equal(plain.features?.ecsInstance.replaceOnImageUpdate, false);
  assert.equal(
    await configure(
      req({ ...block({ access_key: 'A', secret_key: 'S' }), features: [{ ecs_instance: [{ replace_on_image_update: undefined }] }] }),
    ),
    undefined,
  );
});

/** Run the instance modifyPlan on an image change and return the attributes it asked to replace. */
async function replacedOnImageChange(client: unknown, newImage = 'img-new'): Promise<string[]> {
  const prior = nullState(instanceSchema, {
    id: 'i-1',
    image_id: 'img-old',
    instance_type: 'ecs.g7.large',
    system_disk_size: 40,
    os_type: 'linux',
    os_name: 'Ubuntu',
  });
  const plan = { ...prior, image_id: newImage };
  const replaced: string[] = [];
  const diags = new Diagnostics();
  await instanceResource.modifyPlan!({
    typeName: 'alicloud_instance',
    client: client as ProviderClient,
    signal: new AbortController().signal,
    log: silentLog,
    diags,
    config: nullConfig(instanceSchema, { image_id: newImage, instance_type: prior.instance_type, system_disk_size: 40 }),
    plan,
    prior,
    requireReplace: (a) => void replaced.push(a),
  });
  assert.equal(diags.hasError(), false);
  return replaced;
}

test('a new image_id requires replacement only when the provider enables replace_on_image_update', async () => {
  assert.deepEqual(await replacedOnImageChange({ features: { ecsInstance: { replaceOnImageUpdate: true } } }), ['image_id']);
  assert.deepEqual(await replacedOnImageChange({ features: { ecsInstance: { replaceOnImageUpdate: false } } }), []);
  assert.deepEqual(await replacedOnImageChange({ features: { ecsInstance: { replaceOnImageUpdate: true } } }, 'img-old'), []);
});

test('without a configured client (provider block unknown at plan time) a new image_id stays an in-place update', async () => {
  assert.deepEqual(await replacedOnImageChange(undefined), []);
  assert.deepEqual(await replacedOnImageChange({}), []);
});
