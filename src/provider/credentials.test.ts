/**
 * The credential modes against local servers only (the emulator for STS, small HTTP servers for
 * the credentials URI and the instance metadata service): each mode yields working temporary
 * keys, and each failure is a problem naming its argument.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID } from '../emulator/index.js';
import { AlibabaCloudClient, RefreshingCredentials, type CredentialSource } from '../ecs/index.js';
import { createRoleSpec } from '../spec/ram/roles.js';
import { getCallerIdentitySpec } from '../spec/sts/sts.js';
import { resolveProviderConfig, type ProviderConfig } from './config.js';
import { obtainCredentials } from './credentials.js';

const KEYS = { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };

async function serve(handler: (req: IncomingMessage) => [number, string]): Promise<{ server: Server; endpoint: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers['x-aliyun-ecs-metadata-token'] ?? ''}`.trim());
    const [status, body] = handler(req);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function withEmulator(fn: (endpoint: string, sts: () => Promise<Record<string, string>>) => Promise<void>) {
  const emu = await startEmulator({ port: 0, db: ':memory:' });
  try {
    const ram = new AlibabaCloudClient({
      region: 'cn-hangzhou',
      ...KEYS,
      protocol: 'HTTP',
      endpoints: { ram: emu.endpoint, sts: emu.endpoint },
    });
    const doc = (p: object) => JSON.stringify({ Version: '1', Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: p }] });
    await ram.call(createRoleSpec, { RoleName: 'ops', AssumeRolePolicyDocument: doc({ RAM: [`acs:ram::${DEFAULT_ACCOUNT_ID}:root`] }) });
    await ram.call(createRoleSpec, {
      RoleName: 'ci',
      AssumeRolePolicyDocument: doc({ Federated: [`acs:ram::${DEFAULT_ACCOUNT_ID}:oidc-provider/gh`] }),
    });
    // Keys of the role, as a metadata service or a credentials URI would hand them out.
    const sts = async () => {
      const { assumeRoleSpec } = await import('../spec/sts/sts.js');
      const b = await ram.call(assumeRoleSpec, { RoleArn: `acs:ram::${DEFAULT_ACCOUNT_ID}:role/ops`, RoleSessionName: 'sidecar' });
      return { Code: 'Success', ...b.Credentials, LastUpdated: b.Credentials.Expiration };
    };
    await fn(emu.endpoint, sts);
  } finally {
    await emu.stop();
  }
}

async function configure(block: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  const resolved = resolveProviderConfig({ region: 'cn-hangzhou', protocol: 'HTTP', ...block } as ProviderConfig, {
    env,
    home: '/nonexistent',
  });
  if ('problems' in resolved) return { problems: resolved.problems };
  const source = await obtainCredentials(resolved.credentials, resolved.options);
  return 'summary' in source ? { problems: [source] } : { source, options: resolved.options };
}

async function identity(endpoint: string, source: CredentialSource): Promise<string> {
  const c = new AlibabaCloudClient({ region: 'cn-hangzhou', credentials: source, protocol: 'HTTP', endpoints: { sts: endpoint } });
  return (await c.call(getCallerIdentitySpec, {})).Arn;
}

test('assume_role signs with the base keys and yields the role’s keys; a refused role names assume_role and the STS code', () =>
  withEmulator(async (endpoint) => {
    const ep = [{ sts: endpoint }];
    const ok = await configure({
      access_key: KEYS.accessKeyId,
      secret_key: KEYS.accessKeySecret,
      endpoints: ep,
      assume_role: [{ role_arn: `acs:ram::${DEFAULT_ACCOUNT_ID}:role/ops`, session_name: 'unit' }],
    });
    assert.ok(ok.source, JSON.stringify(ok.problems));
    assert.equal(await identity(endpoint, ok.source), `acs:ram::${DEFAULT_ACCOUNT_ID}:assumed-role/ops/unit`);
    const bad = await configure({
      access_key: KEYS.accessKeyId,
      secret_key: KEYS.accessKeySecret,
      endpoints: ep,
      assume_role: [{ role_arn: `acs:ram::${DEFAULT_ACCOUNT_ID}:role/ci` }],
    });
    assert.equal(bad.problems?.[0]?.attribute, 'assume_role');
    assert.match(bad.problems![0]!.detail, /NoPermission \(HTTP 403\)/);
    const noArn = await configure({ access_key: 'a', secret_key: 'b', assume_role: [{ session_name: 'x' }] });
    assert.match(noArn.problems![0]!.detail, /assume_role\.role_arn is required/);
  }));

test('credentials_uri takes keys from the service; a failing service is an error naming credentials_uri', () =>
  withEmulator(async (endpoint, sts) => {
    const keys = await sts();
    const good = await serve(() => [200, JSON.stringify(keys)]);
    const broken = await serve(() => [500, '{"Code":"Boom"}']);
    try {
      const ok = await configure({ credentials_uri: `http://${good.endpoint}/creds` });
      assert.ok(ok.source, JSON.stringify(ok.problems));
      assert.equal(await identity(endpoint, ok.source), `acs:ram::${DEFAULT_ACCOUNT_ID}:assumed-role/ops/sidecar`);
      const bad = await configure({}, { ALIBABA_CLOUD_CREDENTIALS_URI: `http://${broken.endpoint}/creds` });
      assert.equal(bad.problems?.[0]?.attribute, 'credentials_uri');
      assert.match(bad.problems![0]!.detail, /credentials URI failed: .*500/);
    } finally {
      good.server.close();
      broken.server.close();
    }
  }));

test('ecs_role_name reads the instance metadata service at the overridden address (IMDSv2 token, role discovery)', () =>
  withEmulator(async (endpoint, sts) => {
    const keys = await sts();
    const meta = await serve((req) => {
      if (req.method === 'PUT' && req.url === '/latest/api/token') return [200, 'imds-token'];
      if (req.url === '/latest/meta-data/ram/security-credentials/') return [200, 'ops\n'];
      if (req.url === '/latest/meta-data/ram/security-credentials/ops') return [200, JSON.stringify(keys)];
      return [404, 'not found'];
    });
    try {
      const ok = await configure({}, { ALIBABA_CLOUD_ECS_METADATA: 'ops', ALICLOUD_ECS_METADATA_ENDPOINT: meta.endpoint });
      assert.ok(ok.source, JSON.stringify(ok.problems));
      assert.equal(await identity(endpoint, ok.source), `acs:ram::${DEFAULT_ACCOUNT_ID}:assumed-role/ops/sidecar`);
      assert.deepEqual(meta.seen, ['PUT /latest/api/token', 'GET /latest/meta-data/ram/security-credentials/ops imds-token']);
      const unknown = await configure({ ecs_role_name: 'nope' }, { ALICLOUD_ECS_METADATA_ENDPOINT: meta.endpoint });
      assert.equal(unknown.problems?.[0]?.attribute, 'ecs_role_name');
      assert.match(unknown.problems![0]!.detail, /HTTP 404/);
      const bad = await configure({ ecs_role_name: 'ops' }, { ALICLOUD_ECS_METADATA_ENDPOINT: 'http://x/' });
      assert.match(bad.problems![0]!.detail, /ALICLOUD_ECS_METADATA_ENDPOINT must be host\[:port\]/);
    } finally {
      meta.server.close();
    }
  }));

test('assume_role_with_oidc calls STS without a key; a role the provider may not assume is an error naming the block', () =>
  withEmulator(async (endpoint) => {
    const now = Math.floor(Date.now() / 1000);
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${part({ alg: 'RS256' })}.${part({ iss: 'https://gh', sub: 'repo', aud: 'sts', exp: now + 600 })}.sig`;
    const block = (role: string) => ({
      endpoints: [{ sts: endpoint }],
      assume_role_with_oidc: [
        {
          role_arn: `acs:ram::${DEFAULT_ACCOUNT_ID}:role/${role}`,
          oidc_provider_arn: `acs:ram::${DEFAULT_ACCOUNT_ID}:oidc-provider/gh`,
          oidc_token: token,
        },
      ],
    });
    const ok = await configure(block('ci'));
    assert.ok(ok.source, JSON.stringify(ok.problems));
    assert.equal(await identity(endpoint, ok.source), `acs:ram::${DEFAULT_ACCOUNT_ID}:assumed-role/ci/terraform`);
    const bad = await configure(block('ops'));
    assert.equal(bad.problems?.[0]?.attribute, 'assume_role_with_oidc');
    assert.match(bad.problems![0]!.detail, /NoPermission/);
  }));

test('a credential mode next to an access key, or two modes, is an error instead of one being ignored', async () => {
  const both = await configure({ access_key: 'a', secret_key: 'b', ecs_role_name: 'r' });
  assert.equal(both.problems?.[0]?.attribute, 'ecs_role_name');
  assert.match(both.problems![0]!.detail, /cannot be used together with an access key/);
  const two = await configure({ credentials_uri: 'http://127.0.0.1:1/x', ecs_role_name: 'r' });
  assert.match(two.problems![0]!.detail, /Set only one of credentials_uri, ecs_role_name/);
});

test('temporary keys are fetched once and again only when at most three minutes of their life are left', async () => {
  let now = 0;
  let fetched = 0;
  const src = new RefreshingCredentials(
    't',
    async () => ({ accessKeyId: `k${++fetched}`, accessKeySecret: 's', securityToken: 't', expiresAt: now + 900_000 }),
    () => now,
  );
  assert.equal((await src.get()).accessKeyId, 'k1');
  now += 700_000;
  assert.equal((await src.get()).accessKeyId, 'k1');
  now += 30_000;
  assert.equal((await src.get()).accessKeyId, 'k2');
});
