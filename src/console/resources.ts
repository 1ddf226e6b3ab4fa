/**
 * The rest of the account in the chosen region: instances, snapshots, disks, VPCs, vSwitches,
 * security groups and resource groups, each the first page the API gives (DescribeX through
 * `/_emulator/describe`), every id a link to its row.
 */
import { describe } from './api.js';
import { fill, h, idLink, shortTime, type Child } from './dom.js';
import type { Scope } from './types.js';

type Row = Record<string, unknown>;

interface Kind {
  key: string;
  title: string;
  action: string;
  /** Path to the list in the answer, e.g. `Instances.Instance`. */
  list: string;
  idField: string;
  params?: Record<string, string | number>;
  columns: [string, (r: Row) => Child][];
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const field = (name: string) => (r: Row) => str(r[name]);
const link = (name: string) => (r: Row) => idLink(str(r[name]));
const time = (name: string) => (r: Row) => h('span', { class: 'time' }, shortTime(str(r[name])));
const status = (name: string) => (r: Row) => h('span', { class: `status st-${str(r[name])}` }, str(r[name]));
const locks = (r: Row) =>
  ((r.OperationLocks as { LockReason?: { LockReason: string }[] } | undefined)?.LockReason ?? []).map((l) => l.LockReason).join(', ');

const KINDS: Kind[] = [
  {
    key: 'instances',
    title: 'Instances',
    action: 'DescribeInstances',
    list: 'Instances.Instance',
    idField: 'InstanceId',
    params: { PageSize: 100 },
    columns: [
      ['Instance', link('InstanceId')],
      ['Name', field('InstanceName')],
      ['Status', status('Status')],
      ['Image', link('ImageId')],
      ['Type', field('InstanceType')],
      ['Locks', locks],
      ['vSwitch', (r) => idLink(str((r.VpcAttributes as Row | undefined)?.VSwitchId))],
      ['Resource group', link('ResourceGroupId')],
      ['Created', time('CreationTime')],
    ],
  },
  {
    key: 'snapshots',
    title: 'Snapshots',
    action: 'DescribeSnapshots',
    list: 'Snapshots.Snapshot',
    idField: 'SnapshotId',
    params: { PageSize: 100 },
    columns: [
      ['Snapshot', link('SnapshotId')],
      ['Name', field('SnapshotName')],
      ['Status', status('Status')],
      ['Progress', field('Progress')],
      ['Usage', field('Usage')],
      ['Source disk', link('SourceDiskId')],
      ['Disk type', field('SourceDiskType')],
      ['Size', (r) => `${str(r.SourceDiskSize)} GiB`],
      ['Created', time('CreationTime')],
    ],
  },
  {
    key: 'disks',
    title: 'Disks',
    action: 'DescribeDisks',
    list: 'Disks.Disk',
    idField: 'DiskId',
    params: { PageSize: 100 },
    columns: [
      ['Disk', link('DiskId')],
      ['Type', field('Type')],
      ['Category', field('Category')],
      ['Size', (r) => `${str(r.Size)} GiB`],
      ['Status', status('Status')],
      ['Instance', link('InstanceId')],
      ['Device', field('Device')],
      ['Image', link('ImageId')],
    ],
  },
  {
    key: 'vpcs',
    title: 'VPCs',
    action: 'DescribeVpcs',
    list: 'Vpcs.Vpc',
    idField: 'VpcId',
    params: { PageSize: 50 },
    columns: [
      ['VPC', link('VpcId')],
      ['Name', field('VpcName')],
      ['CIDR', field('CidrBlock')],
      ['Status', status('Status')],
      ['Resource group', link('ResourceGroupId')],
    ],
  },
  {
    key: 'vswitches',
    title: 'vSwitches',
    action: 'DescribeVSwitches',
    list: 'VSwitches.VSwitch',
    idField: 'VSwitchId',
    params: { PageSize: 50 },
    columns: [
      ['vSwitch', link('VSwitchId')],
      ['Name', field('VSwitchName')],
      ['VPC', link('VpcId')],
      ['Zone', field('ZoneId')],
      ['CIDR', field('CidrBlock')],
      ['Status', status('Status')],
    ],
  },
  {
    key: 'security-groups',
    title: 'Security groups',
    action: 'DescribeSecurityGroups',
    list: 'SecurityGroups.SecurityGroup',
    idField: 'SecurityGroupId',
    params: { PageSize: 50 },
    columns: [
      ['Security group', link('SecurityGroupId')],
      ['Name', field('SecurityGroupName')],
      ['VPC', link('VpcId')],
      ['Type', field('SecurityGroupType')],
      ['Rules', field('RuleCount')],
      ['Resource group', link('ResourceGroupId')],
    ],
  },
  {
    key: 'resource-groups',
    title: 'Resource groups',
    action: 'ListResourceGroups',
    list: 'ResourceGroups.ResourceGroup',
    idField: 'Id',
    params: { PageSize: 100 },
    columns: [
      ['Resource group', link('Id')],
      ['Name', field('Name')],
      ['Display name', field('DisplayName')],
      ['Status', status('Status')],
    ],
  },
];

function listAt(answer: Row, path: string): Row[] {
  let v: unknown = answer;
  for (const p of path.split('.')) v = (v as Row | undefined)?.[p];
  return Array.isArray(v) ? (v as Row[]) : [];
}

export class ResourcesSection {
  readonly el: HTMLElement;
  private readonly bodies = new Map<string, [HTMLTableSectionElement, HTMLElement]>();
  /** Snapshot id → id of the instance its source disk belongs to (for the images' source column). */
  private readonly snapshotInstance = new Map<string, string>();

  constructor(private readonly scope: () => Scope) {
    this.el = h(
      'section',
      { id: 'resources' },
      h('h2', null, 'The rest of the account'),
      KINDS.map((k) => {
        const body = h('tbody');
        const count = h('span', { class: 'count' });
        this.bodies.set(k.key, [body, count]);
        return h(
          'details',
          { open: true, id: `kind-${k.key}` },
          h('summary', null, k.title, ' ', count),
          h(
            'div',
            { class: 'scroll' },
            h(
              'table',
              null,
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  k.columns.map(([c]) => h('th', null, c)),
                ),
              ),
              body,
            ),
          ),
        );
      }),
    );
  }

  sourceInstance = (snapshotId: string): string | undefined => this.snapshotInstance.get(snapshotId);

  private inFlight = false;
  private again = false;
  private timer: number | undefined;

  /** Load every list again (one round at a time); while a snapshot or instance is in progress, again in 2 s. */
  async refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      await this.load();
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }

  private async load(): Promise<void> {
    const { account, region } = this.scope();
    const answers = await Promise.all(
      KINDS.map((k) => describe<Row>(account, k.action, { RegionId: region, ...k.params }).catch((err: Error) => err)),
    );
    const disks = new Map<string, string>();
    KINDS.forEach((k, i) => {
      const [body, count] = this.bodies.get(k.key)!;
      const a = answers[i]!;
      if (a instanceof Error) {
        fill(body, h('tr', null, h('td', { colspan: k.columns.length, class: 'error' }, a.message)));
        count.textContent = '';
        return;
      }
      const rows = listAt(a, k.list);
      const total = typeof a.TotalCount === 'number' ? a.TotalCount : rows.length;
      count.textContent = total > rows.length ? `(${rows.length} of ${total})` : `(${total})`;
      if (k.key === 'disks') for (const d of rows) if (d.InstanceId) disks.set(str(d.DiskId), str(d.InstanceId));
      fill(
        body,
        rows.length
          ? rows.map((r) =>
              h(
                'tr',
                { id: `row-${str(r[k.idField])}` },
                k.columns.map(([, cell]) => h('td', null, cell(r))),
              ),
            )
          : h('tr', null, h('td', { colspan: k.columns.length, class: 'muted' }, 'none')),
      );
    });
    const moving = this.el.querySelector('.st-progressing, .st-Pending, .st-Starting, .st-Stopping');
    if (moving && this.timer === undefined) {
      this.timer = window.setTimeout(() => {
        this.timer = undefined;
        void this.refresh();
      }, 2000);
    }
    const snaps = answers[KINDS.findIndex((k) => k.key === 'snapshots')];
    this.snapshotInstance.clear();
    if (snaps && !(snaps instanceof Error)) {
      for (const s of listAt(snaps, 'Snapshots.Snapshot')) {
        const inst = disks.get(str(s.SourceDiskId));
        if (inst) this.snapshotInstance.set(str(s.SnapshotId), inst);
      }
    }
  }
}
