/**
 * The request log: the last calls, newest first, live from the event stream; filter by action or
 * errors (the emulator filters the first load, new calls are matched here by the same rules);
 * a click on a row shows the full request and answer (`GET /_emulator/requests/<seq>`).
 */
import { getJson } from './api.js';
import { debounce, fill, h } from './dom.js';
import { isFailure, type RequestDetail, type RequestSummary } from './types.js';

const SHOWN = 100;

function clock(iso: string): string {
  return iso.slice(11, 23);
}

function paramsText(p: Record<string, string>): string {
  const skip = /^(Action|Version|Format|Timestamp|SignatureMethod|SignatureVersion|SignatureNonce|Signature|AccessKeyId|RegionId)$/;
  return Object.entries(p)
    .filter(([k]) => !skip.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export class RequestsSection {
  readonly el: HTMLElement;
  private readonly body = h('tbody');
  private readonly detail = h('div', { class: 'detail', hidden: true });
  private entries: RequestSummary[] = [];
  private action = '';
  private errorsOnly = false;
  private selected = 0;

  constructor() {
    const reload = debounce(() => void this.load(), 250);
    this.el = h(
      'section',
      { id: 'requests' },
      h('h2', null, 'Request log'),
      h(
        'div',
        { class: 'controls' },
        h('input', {
          type: 'search',
          placeholder: 'action contains…',
          'aria-label': 'action filter',
          oninput: (e: Event) => {
            this.action = (e.target as HTMLInputElement).value.trim();
            reload();
          },
        }),
        h(
          'label',
          null,
          h('input', {
            type: 'checkbox',
            'aria-label': 'errors only',
            onchange: (e: Event) => {
              this.errorsOnly = (e.target as HTMLInputElement).checked;
              void this.load();
            },
          }),
          ' errors only',
        ),
      ),
      h(
        'div',
        { class: 'scroll log' },
        h(
          'table',
          { class: 'requests' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Time', 'Product / action', 'Sig', 'Status', 'Error code', 'ms', 'Request id', 'Parameters'].map((c) => h('th', null, c)),
            ),
          ),
          this.body,
        ),
      ),
      this.detail,
    );
  }

  private matches(e: RequestSummary): boolean {
    if (this.errorsOnly && !isFailure(e)) return false;
    return !this.action || e.action.toLowerCase().includes(this.action.toLowerCase());
  }

  async load(): Promise<void> {
    const r = await getJson<{ entries: RequestSummary[] }>('/_emulator/requests', {
      limit: SHOWN,
      action: this.action,
      errors: this.errorsOnly ? 1 : undefined,
    });
    this.entries = r.entries;
    this.render();
  }

  /** New calls from the event stream. */
  add(entries: RequestSummary[]): void {
    const fresh = entries.filter((e) => this.matches(e) && !this.entries.some((x) => x.seq === e.seq)).reverse();
    if (!fresh.length) return;
    this.entries = [...fresh, ...this.entries].slice(0, SHOWN);
    this.render();
  }

  private render(): void {
    fill(
      this.body,
      this.entries.length
        ? this.entries.map((e) =>
            h(
              'tr',
              {
                class: `${isFailure(e) ? 'failed' : ''} ${e.seq === this.selected ? 'selected' : ''}`,
                'data-seq': e.seq,
                'data-action': e.action,
                'data-request-id': e.requestId,
                tabindex: 0,
                onclick: () => void this.show(e.seq),
                onkeydown: (ev: KeyboardEvent) => ev.key === 'Enter' && void this.show(e.seq),
              },
              h('td', { class: 'time' }, clock(e.time)),
              h('td', null, h('span', { class: 'muted' }, e.product, ' '), e.action || '(none)'),
              h('td', null, e.signature),
              h('td', { class: 'num' }, e.status || '—'),
              h('td', { class: 'code' }, e.code),
              h('td', { class: 'num' }, e.latencyMs.toFixed(1)),
              h('td', { class: 'rid' }, e.requestId),
              h('td', { class: 'params', title: paramsText(e.params) }, paramsText(e.params).slice(0, 140)),
            ),
          )
        : h('tr', null, h('td', { colspan: 8, class: 'muted' }, 'No calls yet.')),
    );
  }

  private async show(seq: number): Promise<void> {
    this.selected = seq;
    this.render();
    this.detail.hidden = false;
    try {
      const d = await getJson<RequestDetail>(`/_emulator/requests/${seq}`);
      fill(
        this.detail,
        h(
          'div',
          { class: 'detail-head' },
          h('strong', null, `${d.product} ${d.action}`),
          ` ${d.status || 'no answer'} ${d.code} · ${d.latencyMs} ms · ${d.requestId}`,
          h(
            'button',
            { type: 'button', class: 'x', onclick: () => ((this.detail.hidden = true), (this.selected = 0), this.render()) },
            '×',
          ),
        ),
        h(
          'div',
          { class: 'panes' },
          h(
            'div',
            null,
            h('h3', null, 'Request'),
            h(
              'pre',
              { class: 'req' },
              `${d.request.method} ${d.request.url}\n`,
              Object.entries(d.request.headers).map(([k, v]) => `${k}: ${v}\n`),
              '\n',
              JSON.stringify(d.params, null, 2),
            ),
          ),
          h(
            'div',
            null,
            h('h3', null, 'Answer'),
            h(
              'pre',
              { class: 'ans' },
              `${d.answer.status} ${d.answer.contentType}\n\n${pretty(d.answer.body)}${d.answer.truncated ? '\n… (cut)' : ''}`,
            ),
          ),
        ),
      );
    } catch (err) {
      fill(this.detail, h('p', { class: 'error' }, (err as Error).message));
    }
  }
}
