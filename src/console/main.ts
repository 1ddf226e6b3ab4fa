/**
 * The emulator's console: images of the chosen account and region with live progress, the rest of
 * the account, the request log with a timeline, and fault injection. Everything comes from the
 * emulator's JSON admin routes (`api.ts`); one server-sent event stream says when something
 * happened, and the page reloads only the parts that can have changed (debounced).
 */
import { AdminError, followEvents, getJson, describe, onUnauthorized, setToken } from './api.js';
import { debounce, fill, h } from './dom.js';
import { FaultsSection } from './faults.js';
import { ImagesSection } from './images.js';
import { RequestsSection } from './requests.js';
import { ResourcesSection } from './resources.js';
import { TimelineSection } from './timeline.js';
import { isRead, type RequestSummary, type Scope } from './types.js';

interface Accounts {
  accounts: { accountId: number; accessKeyId: string }[];
  defaultRegionId: string;
}

const scope: Scope = { account: '', region: '' };
const current = () => scope;

const resources = new ResourcesSection(current);
const images = new ImagesSection(current, resources.sourceInstance);
const requests = new RequestsSection();
const timeline = new TimelineSection();
const faults = new FaultsSection(() => refreshData());

const live = h('span', { class: 'live off', title: 'event stream' }, 'connecting…');
const accountSelect = h('select', { 'aria-label': 'account', onchange: () => ((scope.account = accountSelect.value), refreshData()) });
const regionSelect = h('select', { 'aria-label': 'region', onchange: () => ((scope.region = regionSelect.value), refreshData()) });
const tokenBar = h(
  'form',
  {
    class: 'token',
    hidden: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      setToken((tokenBar.elements.namedItem('token') as HTMLInputElement).value.trim());
      tokenBar.hidden = true;
      void start();
    },
  },
  'This emulator needs its admin token: ',
  h('input', { name: 'token', type: 'password', 'aria-label': 'admin token', autocomplete: 'off' }),
  h('button', { type: 'submit' }, 'Use'),
);
const knownActions = h('datalist', { id: 'known-actions' });

function refreshData(): void {
  images.refresh();
  void resources.refresh().then(() => images.refresh());
}

const refreshSoon = debounce(refreshData, 300);
const faultsSoon = debounce(() => void faults.load(), 1000);

function onRequests(entries: RequestSummary[]): void {
  requests.add(entries);
  timeline.add(entries);
  if (entries.some((e) => e.status > 0 && e.status < 400 && !isRead(e.action))) refreshSoon();
  if (faults.active) faultsSoon();
  const names = new Set([...knownActions.children].map((o) => (o as HTMLOptionElement).value));
  for (const e of entries) if (e.action && !names.has(e.action)) knownActions.append(h('option', { value: e.action }));
}

document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest<HTMLAnchorElement>('a.id');
  if (!a) return;
  e.preventDefault();
  const id = a.dataset.id!;
  const row = document.getElementById(`row-${id}`);
  if (row) {
    row.closest('details')?.setAttribute('open', '');
    row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    row.classList.remove('flash');
    void row.offsetWidth;
    row.classList.add('flash');
  } else if (/^(m-|[a-z0-9_]+\.vhd$|[a-z]+_)/.test(id)) {
    images.reveal(id);
  }
});

let stopEvents: (() => void) | undefined;

async function start(): Promise<void> {
  try {
    const acc = await getJson<Accounts>('/_emulator/accounts');
    fill(
      accountSelect,
      acc.accounts.map((a) => h('option', { value: String(a.accountId) }, `${a.accountId} (${a.accessKeyId})`)),
    );
    scope.account ||= String(acc.accounts[0]?.accountId ?? '');
    accountSelect.value = scope.account;
    const regions = await describe<{ Regions: { Region: { RegionId: string; LocalName: string }[] } }>(scope.account, 'DescribeRegions');
    fill(
      regionSelect,
      regions.Regions.Region.map((r) => h('option', { value: r.RegionId }, r.RegionId)),
    );
    scope.region ||= acc.defaultRegionId;
    regionSelect.value = scope.region;
  } catch (err) {
    if (err instanceof AdminError && err.status === 401) return;
    throw err;
  }
  refreshData();
  void requests.load();
  void timeline.load();
  void faults.load();
  stopEvents?.();
  stopEvents = followEvents(
    (type, data) => {
      if (type === 'requests') onRequests((data as { entries: RequestSummary[] }).entries);
      else if (type === 'reset') {
        refreshData();
        void faults.load();
      }
    },
    (on) => {
      live.className = `live ${on ? 'on' : 'off'}`;
      live.textContent = on ? 'live' : 'reconnecting…';
    },
  );
}

onUnauthorized(() => {
  tokenBar.hidden = false;
});

document.body.append(
  h(
    'header',
    null,
    h('h1', null, 'alicloud-image emulator'),
    h('label', null, 'Account ', accountSelect),
    h('label', null, 'Region ', regionSelect),
    live,
  ),
  tokenBar,
  knownActions,
  h('main', null, images.el, h('div', { class: 'two' }, requests.el, h('div', null, timeline.el, faults.el)), resources.el),
);
void start();
