/**
 * "Gone" only from an explicit signal (issue 12 item 1): every read helper, fed each kind of
 * broken answer by a fake endpoint, rejects with an error naming the action (and the request
 * id when the body has one) and never reports the resource as missing. A well-formed answer
 * without the id still means "gone".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AlibabaCloudClient } from './client.js';
import { startCannedServer, type CannedServer, type Reply } from './canned-server.js';
import { isEcsError } from './errors.js';
import { describeImage } from './images.js';
import { describeInstanceDetail, describeSystemDisk } from './instance-lifecycle.js';
import { describeInstances } from './instances.js';
import { listAllResourceGroups } from './resource-manager.js';
import { describeInnerAccessPolicy, describeSecurityGroup } from './security-groups.js';
import { describeSnapshots } from './snapshots.js';
import { listTagResources } from './tags.js';
import { describeVpc } from './vpc.js';
import { describeVSwitch } from './vswitches.js';
import { describeAllInstanceTypes, describeZones } from './zones.js';

let srv: CannedServer;
let client: AlibabaCloudClient;
before(async () => {
  srv = await startCannedServer();
  const endpoint = srv.endpoint;
  client = new AlibabaCloudClient({
    region: 'cn-hangzhou',
    accessKeyId: 'id',
    accessKeySecret: 'secret',
    protocol: 'HTTP',
    endpoints: { ecs: endpoint, vpc: endpoint, resourcemanager: endpoint },
    retry: { maxAttempts: 1 },
  });
});
after(() => srv.close());

interface Reader {
  action: string;
  /** The top-level list wrapper and its item key, e.g. `Images` / `Image`. */
  wrapper: [string, string];
  /** Other required top-level fields of a valid answer. */
  base?: Record<string, unknown>;
  /** Read one thing; `undefined` means "gone". */
  read(): Promise<unknown>;
}

const readers: Reader[] = [
  { action: 'DescribeImages', wrapper: ['Images', 'Image'], read: () => describeImage(client, 'm-1') },
  { action: 'DescribeInstances', wrapper: ['Instances', 'Instance'], read: () => describeInstanceDetail(client, 'i-1') },
  { action: 'DescribeInstances', wrapper: ['Instances', 'Instance'], read: () => describeInstances(client, { InstanceIds: ['i-1'] }) },
  { action: 'DescribeDisks', wrapper: ['Disks', 'Disk'], read: () => describeSystemDisk(client, 'i-1') },
  { action: 'DescribeSnapshots', wrapper: ['Snapshots', 'Snapshot'], read: () => describeSnapshots(client, { SnapshotIds: ['s-1'] }) },
  { action: 'DescribeVpcs', wrapper: ['Vpcs', 'Vpc'], read: () => describeVpc(client, 'vpc-1') },
  { action: 'DescribeVSwitches', wrapper: ['VSwitches', 'VSwitch'], read: () => describeVSwitch(client, 'vsw-1') },
  { action: 'DescribeSecurityGroups', wrapper: ['SecurityGroups', 'SecurityGroup'], read: () => describeSecurityGroup(client, 'sg-1') },
  {
    action: 'DescribeSecurityGroupAttribute',
    wrapper: ['Permissions', 'Permission'],
    base: { SecurityGroupId: 'sg-1' },
    read: () => describeInnerAccessPolicy(client, 'sg-1'),
  },
  { action: 'ListResourceGroups', wrapper: ['ResourceGroups', 'ResourceGroup'], read: () => listAllResourceGroups(client) },
  { action: 'DescribeZones', wrapper: ['Zones', 'Zone'], read: () => describeZones(client) },
  { action: 'DescribeInstanceTypes', wrapper: ['InstanceTypes', 'InstanceType'], read: () => describeAllInstanceTypes(client) },
  {
    action: 'ListTagResources',
    wrapper: ['TagResources', 'TagResource'],
    read: () => listTagResources(client, { resourceType: 'image', resourceIds: ['m-1'] }),
  },
];

/** Broken answers, each with the request id its error must carry (if any). */
function brokenAnswers(r: Reader): { name: string; reply: Reply; requestId?: string; says: RegExp }[] {
  const [wrapper, item] = r.wrapper;
  return [
    { name: 'an empty object', reply: { body: {} }, says: /invalid response \(HTTP 200\): \w+: missing \(required/ },
    {
      name: 'a list of the wrong type',
      reply: { body: { ...r.base, RequestId: 'RID-TYPE', TotalCount: 1, [wrapper]: { [item]: 'oops' } } },
      requestId: 'RID-TYPE',
      says: new RegExp(`${wrapper}\\.${item}: expected an array, got string "oops"`),
    },
    {
      name: 'an item of the wrong type',
      reply: { body: { ...r.base, RequestId: 'RID-ITEM', TotalCount: 1, [wrapper]: { [item]: [42] } } },
      requestId: 'RID-ITEM',
      says: new RegExp(`${wrapper}\\.${item}\\[0\\]: expected an object, got number 42`),
    },
    { name: 'truncated JSON', reply: { raw: `{"RequestId":"RID-CUT","${wrapper}":{"${item}":[{"Id` }, says: /\(body\): not valid JSON/ },
    {
      name: 'an HTML 502 page',
      reply: { status: 502, headers: { 'content-type': 'text/html' }, raw: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
      says: /HTTP502 \(HTTP 502\): the answer is not JSON: "502 Bad Gateway"/,
    },
    {
      name: 'an error body under HTTP 200',
      reply: { body: { RequestId: 'RID-ERR', Code: 'InvalidImageId.NotFound', Message: 'The specified image does not exist.' } },
      requestId: 'RID-ERR',
      says: /an error body under a success status: InvalidImageId\.NotFound: The specified image does not exist\./,
    },
  ];
}

for (const r of readers) {
  test(`${r.action} (${r.read.toString().replace(/^\(\) => /, '')}): every broken answer is an error naming the action, never "gone"`, async () => {
    for (const a of brokenAnswers(r)) {
      srv.script.length = 0;
      srv.script.push(a.reply);
      const outcome = await r.read().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (!('error' in outcome)) assert.fail(`${a.name}: resolved with ${JSON.stringify(outcome.value)} instead of failing`);
      const err = outcome.error as Error;
      assert.ok(isEcsError(err), `${a.name}: ${String(err)}`);
      assert.match(err.message, new RegExp(`\\b${r.action}\\b`), `${a.name}: ${err.message}`);
      assert.match(err.message, a.says, `${a.name}: ${err.message}`);
      if (a.requestId) assert.match(err.message, new RegExp(`Request id: ${a.requestId}\\.`), `${a.name}: ${err.message}`);
    }
  });
}

test('a well-formed answer without the id is the one answer that means "gone"', async () => {
  const page = (wrapper: string, item: string): Reply => ({ body: { RequestId: 'R', TotalCount: 0, [wrapper]: { [item]: [] } } });
  const gone: [string, () => Promise<unknown>, Reply][] = [
    ['image', () => describeImage(client, 'm-1'), page('Images', 'Image')],
    ['instance', () => describeInstanceDetail(client, 'i-1'), page('Instances', 'Instance')],
    ['system disk', () => describeSystemDisk(client, 'i-1'), page('Disks', 'Disk')],
    ['vpc', () => describeVpc(client, 'vpc-1'), page('Vpcs', 'Vpc')],
    ['vswitch', () => describeVSwitch(client, 'vsw-1'), page('VSwitches', 'VSwitch')],
    ['security group', () => describeSecurityGroup(client, 'sg-1'), page('SecurityGroups', 'SecurityGroup')],
    // Another id on a valid page is not this one.
    [
      'image (other id)',
      () => describeImage(client, 'm-1'),
      { body: { RequestId: 'R', TotalCount: 1, Images: { Image: [{ ImageId: 'm-2', Status: 'Available' }] } } },
    ],
  ];
  for (const [what, read, reply] of gone) {
    srv.script.length = 0;
    srv.script.push(reply);
    assert.equal(await read(), undefined, what);
  }
});
