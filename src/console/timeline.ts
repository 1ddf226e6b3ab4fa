/**
 * Requests per second over the last five minutes, stacked by action, errors marked in red; drawn
 * as SVG in the page. Loaded once from `GET /_emulator/timeline`, then kept up to date from the
 * event stream (the plot slides once a second without asking the emulator).
 */
import { getJson } from './api.js';
import { fill, h, s } from './dom.js';
import { isFailure, type RequestSummary, type TimelineBucket } from './types.js';

const SECONDS = 300;
const W = 900;
const H = 140;
const COLORS = ['#3b82f6', '#10b981', '#f59e0b', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#64748b'];

export class TimelineSection {
  readonly el: HTMLElement;
  private readonly plot = h('div', { class: 'plot' });
  private readonly legend = h('div', { class: 'legend' });
  private buckets = new Map<number, TimelineBucket>();
  private colors = new Map<string, string>();

  constructor() {
    this.el = h(
      'section',
      { id: 'timeline' },
      h('h2', null, 'Timeline ', h('span', { class: 'muted' }, '(requests per second, last 5 minutes)')),
      this.plot,
      this.legend,
    );
    window.setInterval(() => this.draw(), 1000);
  }

  async load(): Promise<void> {
    const r = await getJson<{ buckets: TimelineBucket[] }>('/_emulator/timeline', { seconds: SECONDS });
    this.buckets = new Map(r.buckets.filter((b) => b.total > 0).map((b) => [b.t, b]));
    this.draw();
  }

  add(entries: RequestSummary[]): void {
    for (const e of entries) {
      const t = Math.floor(Date.parse(e.time) / 1000);
      const b = this.buckets.get(t) ?? { t, total: 0, errors: 0, byAction: {} };
      b.total++;
      if (isFailure(e)) b.errors++;
      b.byAction[e.action || '(none)'] = (b.byAction[e.action || '(none)'] ?? 0) + 1;
      this.buckets.set(t, b);
    }
  }

  private color(action: string): string {
    let c = this.colors.get(action);
    if (!c) {
      c = COLORS[this.colors.size % COLORS.length]!;
      this.colors.set(action, c);
    }
    return c;
  }

  private draw(): void {
    const end = Math.floor(Date.now() / 1000);
    for (const t of this.buckets.keys()) if (t <= end - SECONDS) this.buckets.delete(t);
    const shown = [...this.buckets.values()];
    const max = Math.max(1, ...shown.map((b) => b.total));
    const bw = W / SECONDS;
    const y = (n: number) => H - (n / max) * (H - 10);
    const bars = shown.flatMap((b) => {
      const x = (b.t - (end - SECONDS + 1)) * bw;
      let base = 0;
      const parts = Object.entries(b.byAction)
        .sort(([a], [c]) => a.localeCompare(c))
        .map(([action, n]) => {
          const rect = s(
            'rect',
            {
              x: x.toFixed(1),
              y: y(base + n).toFixed(1),
              width: Math.max(1, bw - 0.5).toFixed(1),
              height: (y(base) - y(base + n)).toFixed(1),
              fill: this.color(action),
            },
            s('title', null, `${action}: ${n}`),
          );
          base += n;
          return rect;
        });
      if (b.errors)
        parts.push(
          s(
            'rect',
            { x: x.toFixed(1), y: (H + 2).toFixed(1), width: Math.max(1.5, bw).toFixed(1), height: '6', fill: '#dc2626', class: 'err' },
            s('title', null, `${b.errors} failed`),
          ),
        );
      return parts;
    });
    const grid = [0.5, 1].map((f) => s('line', { x1: 0, x2: W, y1: y(max * f).toFixed(1), y2: y(max * f).toFixed(1), class: 'grid' }));
    const labels = [
      s('text', { x: 2, y: 10, class: 'axis' }, `${max}/s`),
      s('text', { x: 2, y: H + 20, class: 'axis' }, '−5 min'),
      s('text', { x: W - 2, y: H + 20, class: 'axis', 'text-anchor': 'end' }, 'now'),
    ];
    fill(
      this.plot,
      s(
        'svg',
        { viewBox: `0 0 ${W} ${H + 24}`, class: 'chart', role: 'img', 'aria-label': 'requests per second by action' },
        grid,
        bars,
        labels,
      ),
    );
    fill(
      this.legend,
      [...this.colors].map(([a, c]) => h('span', { class: 'key' }, h('i', { class: 'swatch', 'data-color': c }), a)),
      h('span', { class: 'key' }, h('i', { class: 'swatch err' }), 'errors'),
    );
    for (const i of this.legend.querySelectorAll<HTMLElement>('i[data-color]')) i.style.background = i.dataset.color!;
  }
}
