/**
 * The images of the chosen account and region (DescribeImages with `ImageOwnerAlias=self`, paged
 * and filtered by the emulator), public images folded in their own list. While a row on the page is
 * `Creating` or `Waiting` its progress bar moves: the page asks for the same page again once a
 * second (one request in flight at most) until none is.
 */
import { describe } from './api.js';
import { debounce, fill, h, idLink, shortTime, type Child } from './dom.js';
import type { Scope } from './types.js';

interface Image {
  ImageId: string;
  ImageName: string;
  Status: string;
  Progress: string;
  Usable: boolean;
  Platform: string;
  Architecture: string;
  OSType: string;
  Size: number;
  CreationTime: string;
  ResourceGroupId: string;
  ImageOwnerAlias: string;
  Tags: { Tag: { TagKey: string; TagValue: string }[] };
  DiskDeviceMappings: { DiskDeviceMapping: { SnapshotId: string; Type: string; Device: string }[] };
}

interface Page {
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
  Images: { Image: Image[] };
}

const STATUS_FILTERS: [label: string, value: string][] = [
  ['All statuses', 'ALL'],
  ['In progress', 'Creating,Waiting'],
  ['Available', 'Available'],
  ['CreateFailed', 'CreateFailed'],
  ['UnAvailable', 'UnAvailable'],
  ['Deprecated', 'Deprecated'],
];

const IN_PROGRESS = new Set(['Creating', 'Waiting']);

/** Where a snapshot came from, so an image row can name its source instance. */
export type SourceOf = (snapshotId: string) => string | undefined;

function statusCell(img: Image): Child {
  const pct = Number.parseInt(img.Progress, 10) || 0;
  return [
    h('span', { class: `status st-${img.Status}` }, img.Status),
    IN_PROGRESS.has(img.Status) ? h('progress', { max: 100, value: pct, 'aria-label': `${img.ImageId} progress` }, `${pct}%`) : null,
    IN_PROGRESS.has(img.Status) ? h('span', { class: 'pct' }, `${pct}%`) : null,
  ];
}

function row(img: Image, sourceOf: SourceOf): HTMLTableRowElement {
  const snaps = img.DiskDeviceMappings.DiskDeviceMapping.map((d) => d.SnapshotId).filter(Boolean);
  const instances = [...new Set(snaps.map(sourceOf).filter((x): x is string => !!x))];
  return h(
    'tr',
    { id: `row-${img.ImageId}`, 'data-status': img.Status },
    h('td', null, idLink(img.ImageId)),
    h('td', null, img.ImageName),
    h('td', { class: 'status-cell' }, statusCell(img)),
    h('td', null, img.Usable ? 'yes' : 'no'),
    h('td', null, `${img.Platform || img.OSType} / ${img.Architecture}`),
    h('td', { class: 'num' }, `${img.Size} GiB`),
    h(
      'td',
      null,
      instances.map((i) => [idLink(i), ' ']),
      snaps.map((sid) => [idLink(sid), ' ']),
    ),
    h(
      'td',
      null,
      img.Tags.Tag.map((t) => h('span', { class: 'tag' }, `${t.TagKey}=${t.TagValue}`)),
    ),
    h('td', null, idLink(img.ResourceGroupId)),
    h('td', { class: 'time' }, shortTime(img.CreationTime)),
  );
}

const HEAD = ['Image', 'Name', 'Status', 'Usable', 'Platform / arch', 'Size', 'Source', 'Tags', 'Resource group', 'Created'];

/** One paged, filtered image list (the account's own, or the public ones). */
class ImageList {
  readonly el: HTMLElement;
  private readonly body = h('tbody');
  private readonly info = h('span', { class: 'muted' });
  private readonly prev = h('button', { type: 'button', onclick: () => this.go(this.page - 1) }, '‹ prev');
  private readonly next = h('button', { type: 'button', onclick: () => this.go(this.page + 1) }, 'next ›');
  private page = 1;
  private total = 0;
  private status = 'ALL';
  private name = '';
  private id = '';
  private inFlight = false;
  private again = false;
  private timer: number | undefined;
  readonly nameInput: HTMLInputElement;
  readonly idChip = h('span', { class: 'chip', hidden: true });

  constructor(
    private readonly scope: () => Scope,
    private readonly owner: 'self' | 'system',
    private readonly sourceOf: SourceOf,
    private readonly pageSize = 20,
  ) {
    const statusSelect = h(
      'select',
      {
        'aria-label': 'status filter',
        onchange: (e: Event) => {
          this.status = (e.target as HTMLSelectElement).value;
          this.go(1);
        },
      },
      STATUS_FILTERS.map(([label, value]) => h('option', { value }, label)),
    );
    const refilter = debounce(() => this.go(1), 250);
    this.nameInput = h('input', {
      type: 'search',
      placeholder: 'name contains…',
      'aria-label': 'name filter',
      oninput: (e: Event) => {
        this.name = (e.target as HTMLInputElement).value.trim();
        refilter();
      },
    });
    this.el = h(
      'div',
      { class: 'image-list' },
      h('div', { class: 'controls' }, statusSelect, this.nameInput, this.idChip, this.info, this.prev, this.next),
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          { class: `images images-${owner}` },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              HEAD.map((c) => h('th', null, c)),
            ),
          ),
          this.body,
        ),
      ),
    );
  }

  /** Show only image `id` (a followed link); '' shows all again. */
  showId(id: string): void {
    this.id = id;
    fill(this.idChip, id ? ['id = ', id, ' ', h('button', { type: 'button', class: 'x', onclick: () => this.showId('') }, '×')] : null);
    this.idChip.hidden = !id;
    this.go(1);
  }

  go(page: number): void {
    this.page = Math.max(1, page);
    void this.load();
  }

  /** Load the current page again (one request at a time; a call during one runs once after it). */
  async load(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    const { account, region } = this.scope();
    try {
      const r = await describe<Page>(account, 'DescribeImages', {
        RegionId: region,
        ImageOwnerAlias: this.owner,
        Status: this.status,
        ImageName: this.name || undefined,
        ImageId: this.id || undefined,
        PageNumber: this.page,
        PageSize: this.pageSize,
      });
      this.total = r.TotalCount;
      const images = r.Images.Image;
      fill(
        this.body,
        images.length
          ? images.map((img) => row(img, this.sourceOf))
          : h('tr', null, h('td', { colspan: HEAD.length, class: 'muted' }, 'No images match.')),
      );
      const first = (this.page - 1) * this.pageSize;
      this.info.textContent = this.total ? `${first + 1}–${first + images.length} of ${this.total}` : '0 images';
      this.prev.disabled = this.page <= 1;
      this.next.disabled = first + images.length >= this.total;
      this.scheduleProgress(images.some((i) => IN_PROGRESS.has(i.Status)));
    } catch (err) {
      fill(this.body, h('tr', null, h('td', { colspan: HEAD.length, class: 'error' }, String((err as Error).message))));
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        void this.load();
      }
    }
  }

  private scheduleProgress(active: boolean): void {
    if (this.timer !== undefined || !active) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, 1000);
  }
}

/** The images section: the account's images, and the public ones folded. */
export class ImagesSection {
  readonly el: HTMLElement;
  readonly own: ImageList;
  private readonly publicList: ImageList;
  private readonly folded: HTMLDetailsElement;

  constructor(scope: () => Scope, sourceOf: SourceOf) {
    this.own = new ImageList(scope, 'self', sourceOf);
    this.publicList = new ImageList(scope, 'system', sourceOf, 10);
    this.folded = h(
      'details',
      { class: 'public', ontoggle: () => this.folded.open && void this.publicList.load() },
      h('summary', null, 'Public images'),
      this.publicList.el,
    );
    this.el = h('section', { id: 'images' }, h('h2', null, 'Images'), this.own.el, this.folded);
  }

  /** Show image `id` (own images for `m-` ids, else the public list). */
  reveal(id: string): void {
    if (id.startsWith('m-')) return this.own.showId(id);
    this.folded.open = true;
    this.publicList.showId(id);
  }

  refresh(): void {
    void this.own.load();
    if (this.folded.open) void this.publicList.load();
  }
}
