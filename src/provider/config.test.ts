import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nullConfig, validationErrors, type Loose } from '../framework/testing/fixtures.js';
import { endpointProblem, providerSchema, resolveProviderConfig, type ProviderConfig } from './config.js';

/** A provider block with every argument null, then the given ones. */
function block(over: Loose<ProviderConfig> = {}): ProviderConfig {
  return nullConfig(providerSchema, over);
}

test('arguments win over environment variables and the defaults are cn-beijing and HTTPS', () => {
  const r = resolveProviderConfig(block({ access_key: 'AK', secret_key: 'SK' }), {
    env: { ALICLOUD_ACCESS_KEY: 'ENVAK', ALICLOUD_SECRET_KEY: 'ENVSK' },
  });
  assert.ok(!('problems' in r));
  assert.equal(r.options.accessKeyId, 'AK');
  assert.equal(r.options.accessKeySecret, 'SK');
  assert.equal(r.options.region, 'cn-beijing');
  assert.equal(r.options.protocol, 'HTTPS');
  assert.equal(r.credentialSource, 'arguments');
});

test('environment variables supply keys, token, region and the ecs endpoint', () => {
  const r = resolveProviderConfig(block(), {
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'A',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'S',
      ALICLOUD_SECURITY_TOKEN: 'T',
      ALIBABA_CLOUD_REGION: 'cn-hangzhou',
      ALIBABA_CLOUD_ENDPOINT_ECS: '127.0.0.1:9000',
      VPC_ENDPOINT: '127.0.0.1:9001',
    },
  });
  assert.ok(!('problems' in r));
  assert.equal(r.options.securityToken, 'T');
  assert.equal(r.options.region, 'cn-hangzhou');
  assert.deepEqual(r.options.endpoints, { ecs: '127.0.0.1:9000', vpc: '127.0.0.1:9001' });
  assert.equal(r.credentialSource, 'environment');
});

test('the endpoints block overrides the environment and numeric timeouts reach the client options', () => {
  const r = resolveProviderConfig(
    block({
      access_key: 'A',
      secret_key: 'S',
      protocol: 'HTTP',
      endpoints: [{ ecs: '127.0.0.1:1' }],
      client_read_timeout: 5000,
      max_retry_timeout: 3,
    }),
    { env: { ECS_ENDPOINT: '127.0.0.1:2' } },
  );
  assert.ok(!('problems' in r));
  assert.equal(r.options.endpoints?.ecs, '127.0.0.1:1');
  assert.equal(r.options.protocol, 'HTTP');
  assert.equal(r.options.readTimeoutMs, 5000);
  assert.deepEqual(r.options.retry, { deadlineMs: 3000 });
});

test('missing credentials give one diagnostic naming the arguments and the environment variables', () => {
  const r = resolveProviderConfig(block(), { env: {} });
  assert.ok('problems' in r);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.summary, 'Missing Alibaba Cloud Credentials');
  for (const name of ['access_key', 'secret_key', 'ALICLOUD_ACCESS_KEY', 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALICLOUD_SECRET_KEY', 'profile'])
    assert.ok(r.problems[0]!.detail.includes(name), name);
});

test('an unknown region is an error naming region unless skip_region_validation is set', () => {
  const bad = resolveProviderConfig(block({ access_key: 'A', secret_key: 'S', region: 'cn-test' }), { env: {} });
  assert.ok('problems' in bad);
  assert.equal(bad.problems[0]!.attribute, 'region');
  assert.match(bad.problems[0]!.detail, /skip_region_validation/);
  const ok = resolveProviderConfig(block({ access_key: 'A', secret_key: 'S', region: 'cn-test', skip_region_validation: true }), {
    env: {},
  });
  assert.ok(!('problems' in ok));
  const viaEnv = resolveProviderConfig(block({ access_key: 'A', secret_key: 'S', region: 'cn-test' }), {
    env: { ALICLOUD_SKIP_REGION_VALIDATION: 'true' },
  });
  assert.ok(!('problems' in viaEnv));
});

test('an endpoint with a scheme is rejected with the allowed form', () => {
  const r = resolveProviderConfig(block({ access_key: 'A', secret_key: 'S', endpoints: [{ ecs: 'http://127.0.0.1:1' }] }), { env: {} });
  assert.ok('problems' in r);
  assert.match(r.problems[0]!.detail, /host\[:port\] without scheme/);
});

test('a profile of the aliyun CLI config supplies keys and region; a missing profile is named', () => {
  const file = JSON.stringify({
    current: 'default',
    profiles: [{ name: 'dev', mode: 'AK', access_key_id: 'PAK', access_key_secret: 'PSK', region_id: 'cn-shanghai' }],
  });
  const reads: string[] = [];
  const io = { env: {}, home: '/home/u', readFile: (p: string) => (reads.push(p), file) };
  const r = resolveProviderConfig(block({ profile: 'dev' }), io);
  assert.ok(!('problems' in r));
  assert.equal(r.options.accessKeyId, 'PAK');
  assert.equal(r.options.region, 'cn-shanghai');
  assert.equal(r.credentialSource, 'profile dev');
  assert.deepEqual(reads, ['/home/u/.aliyun/config.json']);
  const missing = resolveProviderConfig(block({ profile: 'prod' }), io);
  assert.ok('problems' in missing);
  assert.match(missing.problems[0]!.detail, /Profile "prod" is not in \/home\/u\/\.aliyun\/config\.json \(profiles there: dev\)/);
});

test('endpoints are checked as host[:port]: a port from 1 to 65535 and a host name or an IPv4 address', () => {
  for (const ok of ['127.0.0.1:9786', 'ecs.cn-hangzhou.aliyuncs.com', 'localhost:1', 'my-host:65535'])
    assert.equal(endpointProblem(ok), undefined, ok);
  const bad: [string, RegExp][] = [
    ['127.0.0.1:99999', /port from 1 to 65535, got "127.0.0.1:99999"/],
    ['127.0.0.1:0', /port from 1 to 65535/],
    ['127.0.0.1:', /port from 1 to 65535/],
    ['300.1.1.1:80', /host name or an IPv4 address/],
    ['bad_host:80', /host name or an IPv4 address/],
    [':80', /host name or an IPv4 address/],
    ['https://ecs.aliyuncs.com', /without scheme or path/],
  ];
  for (const [value, expected] of bad) assert.match(endpointProblem(value) ?? 'accepted', expected, value);
});

test('the provider block rejects a bad endpoint at validate time, naming endpoints.ecs', () => {
  const errors = validationErrors(providerSchema, { endpoints: [{ ecs: '127.0.0.1:99999' }] });
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0]!, /^endpoints\.ecs: Attribute endpoints\.ecs must have a port from 1 to 65535, got "127\.0\.0\.1:99999"/);
});

test('an endpoint from the environment with a bad port is refused at configure time, naming the variable', () => {
  const r = resolveProviderConfig(block({ access_key: 'A', secret_key: 'S' }), { env: { ALIBABA_CLOUD_ENDPOINT_VPC: '127.0.0.1:70000' } });
  assert.ok('problems' in r);
  assert.match(r.problems[0]!.detail, /endpoints\.vpc must have a port from 1 to 65535.*ALIBABA_CLOUD_ENDPOINT_VPC/);
});

test('configuration_source (or TF_APPEND_USER_AGENT) is appended to the User-Agent, and longer than 1024 characters is refused', () => {
  const ua = (over: Loose<ProviderConfig>, env: NodeJS.ProcessEnv = {}) => {
    const r = resolveProviderConfig(block({ access_key: 'AK', secret_key: 'SK', ...over }), { env });
    assert.ok(!('problems' in r));
    return r.options.userAgent;
  };
  assert.equal(ua({}), 'terraform-provider-alicloud-ts');
  assert.equal(ua({ configuration_source: 'team/network-module' }), 'terraform-provider-alicloud-ts team/network-module');
  assert.equal(ua({}, { TF_APPEND_USER_AGENT: 'ci-pipeline' }), 'terraform-provider-alicloud-ts ci-pipeline');
  assert.equal(ua({ configuration_source: 'mine' }, { TF_APPEND_USER_AGENT: 'ci' }), 'terraform-provider-alicloud-ts mine');
  assert.ok(validationErrors(providerSchema, { configuration_source: 'x'.repeat(1025) }).some((e) => /^configuration_source: /.test(e)));
});
