import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syncAliasPlan } from '../common/index.js';
import { blockChanges, fromVpc, sameBlocks, toCreateVpcInput, type RemoteVpc } from './mapping.js';
import { vpcSchema } from './schema.js';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';

const remote: RemoteVpc = {
  VpcId: 'vpc-1',
  VpcName: 'net',
  Description: '',
  CidrBlock: '172.17.3.0/24',
  Status: 'Available',
  VRouterId: 'vrt-1',
  RouteTableIds: ['vtb-1'],
  ResourceGroupId: 'rg-default-1',
  CreationTime: '2026-01-01T00:00:00Z',
  IsDefault: false,
  VSwitchIds: [],
  Tags: {},
  RegionId: 'cn-hangzhou',
  EnabledIpv6: false,
  Ipv6CidrBlock: '',
  DnsHostnameStatus: 'DISABLED',
  DhcpOptionsSetId: '',
  DhcpOptionsSetStatus: '',
  ClassicLinkEnabled: false,
  Ipv6CidrBlocks: [],
  SecondaryCidrBlocks: [],
  UserCidrs: [],
};
const table = { RouteTableId: 'vtb-1', RouteTableName: '', Description: '', RoutePropagationEnable: true };
const empty = nullState(vpcSchema);

test('the create request takes the name from vpc_name or its alias name and sends tags as a list', () => {
  assert.deepEqual(toCreateVpcInput({ ...empty, cidr_block: '10.0.0.0/8', name: 'old', tags: { a: '1' } }), {
    CidrBlock: '10.0.0.0/8',
    VpcName: 'old',
    Description: undefined,
    ResourceGroupId: undefined,
    Tag: [{ Key: 'a', Value: '1' }],
    UserCidr: undefined,
    EnableIpv6: undefined,
    Ipv6Isp: undefined,
    Ipv6CidrBlock: undefined,
    Ipv4IpamPoolId: undefined,
    Ipv4CidrMask: undefined,
    EnableDnsHostname: undefined,
    DryRun: undefined,
  });
  const full = toCreateVpcInput({ ...empty, user_cidrs: ['106.11.62.0/24'], enable_ipv6: true, dns_hostname_status: 'ENABLED' });
  assert.deepEqual([full.UserCidr, full.EnableIpv6, full.EnableDnsHostname], [['106.11.62.0/24'], true, true]);
  assert.equal(toCreateVpcInput({ ...empty, vpc_name: 'new' }).VpcName, 'new');
  assert.equal(toCreateVpcInput(empty).Tag, undefined);
});

test('state from a described VPC fills both name aliases and keeps unset description and tags null', () => {
  const s = fromVpc(remote, table, empty);
  assert.equal(s.vpc_name, 'net');
  assert.equal(s.name, 'net');
  assert.equal(s.description, null);
  assert.equal(s.tags, null);
  assert.equal(s.route_table_id, 'vtb-1');
  assert.equal(s.router_id, 'vrt-1');
  assert.deepEqual(fromVpc(remote, table, { ...empty, tags: {} }).tags, {});
  assert.deepEqual(fromVpc({ ...remote, Tags: { k: 'v' } }, table, empty).tags, { k: 'v' });
});

test('IPv6, secondary blocks, route table and the deprecated router_table_id come from the described VPC', () => {
  const s = fromVpc(
    {
      ...remote,
      EnabledIpv6: true,
      Ipv6CidrBlock: '2408:4005:3ff:100::/56',
      Ipv6CidrBlocks: [{ Ipv6CidrBlock: '2408:4005:3ff:100::/56', Ipv6Isp: 'BGP' }],
      SecondaryCidrBlocks: ['10.0.0.0/8', '192.168.0.0/16'],
    },
    { ...table, RouteTableName: 'rt' },
    { ...empty, secondary_cidr_blocks: ['192.168.0.0/16', '10.0.0.0/8'] },
  );
  assert.deepEqual(
    [
      s.enable_ipv6,
      s.ipv6_isp,
      s.ipv6_cidr_block,
      s.ipv6_cidr_blocks,
      s.router_table_id,
      s.system_route_table_name,
      s.classic_link_enabled,
    ],
    [true, 'BGP', '2408:4005:3ff:100::/56', [{ ipv6_cidr_block: '2408:4005:3ff:100::/56', ipv6_isp: 'BGP' }], 'vtb-1', 'rt', null],
  );
  assert.deepEqual(s.secondary_cidr_blocks, ['192.168.0.0/16', '10.0.0.0/8'], 'the configured order is kept');
  assert.ok(sameBlocks(['a', 'b'], ['b', 'a']));
  assert.ok(!sameBlocks(['a'], ['a', 'b']));
  assert.deepEqual(blockChanges(['a', 'b'], ['b', 'c']), { add: ['c'], remove: ['a'] });
});

test('a rename through vpc_name plans the deprecated alias to the same value, and vice versa', () => {
  const plan: Record<string, unknown> = { vpc_name: 'b', name: 'a' };
  syncAliasPlan({ vpc_name: 'b', name: null }, plan, 'vpc_name', 'name');
  assert.equal(plan.name, 'b');
  const plan2: Record<string, unknown> = { vpc_name: 'a', name: 'c' };
  syncAliasPlan({ vpc_name: null, name: 'c' }, plan2, 'vpc_name', 'name');
  assert.equal(plan2.vpc_name, 'c');
  const plan3: Record<string, unknown> = { vpc_name: 'a', name: 'a' };
  syncAliasPlan({ vpc_name: undefined, name: null }, plan3, 'vpc_name', 'name');
  assert.equal(plan3.name, undefined);
});

const invalid: [name: string, config: Record<string, unknown>, expected: RegExp][] = [
  ['public-cidr', { cidr_block: '8.8.8.0/24' }, /^cidr_block: .*private IPv4 CIDR/],
  ['mask-too-small', { cidr_block: '10.0.0.0/29' }, /^cidr_block: .*mask of 8 to 28/],
  ['name-url', { vpc_name: 'http://x' }, /^vpc_name: .*must not start with "http:\/\/"/],
  ['name-too-long', { vpc_name: 'x'.repeat(129) }, /^vpc_name: .*1 to 128 characters long, got 129/],
  ['both-aliases', { vpc_name: 'a', name: 'b' }, /cannot be set together/],
  ['tag-key-reserved', { tags: { aliyun_x: 'v' } }, /^tags\["aliyun_x"\]: .*must not start with "aliyun"/],
  ['dns-status', { dns_hostname_status: 'on' }, /^dns_hostname_status: .*"DISABLED", "ENABLED"|^dns_hostname_status: .*ENABLED/],
  ['user-cidrs-four', { user_cidrs: ['1.0.0.0/24', '2.0.0.0/24', '3.0.0.0/24', '4.0.0.0/24'] }, /^user_cidrs: .*0 to 3 items/],
];
for (const [name, config, expected] of invalid) {
  test(`validation rejects ${name} with the attribute path and what is allowed`, () => {
    const errors = validationErrors(vpcSchema, config);
    assert.ok(
      errors.some((e) => expected.test(e)),
      `got ${JSON.stringify(errors)}`,
    );
  });
}

test('validation accepts the seed configuration', () => {
  assert.deepEqual(validationErrors(vpcSchema, { cidr_block: '172.17.3.0/24', vpc_name: 'terraform-example' }), []);
});
