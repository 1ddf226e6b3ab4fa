/**
 * Faults: the emulator's fault-injection rules as a form (`POST /_emulator/faults` with the rules
 * shown plus the new one), each rule with how often it fired, clear (`DELETE /_emulator/faults`)
 * and reset of all data (`POST /_emulator/reset`), all through the protected admin API.
 */
import { change, getJson } from './api.js';
import { fill, h } from './dom.js';
import type { FaultRule } from './types.js';

const KINDS: [value: string, label: string][] = [
  ['Throttling', 'Throttling.User (400)'],
  ['ServiceUnavailable', 'ServiceUnavailable (503)'],
  ['InternalError', 'InternalError (500)'],
  ['latency', 'delay the answer'],
  ['drop-after-commit', 'drop the answer (after the change is committed)'],
];

interface Plan {
  rules: FaultRule[];
  seed: number;
}

export class FaultsSection {
  readonly el: HTMLElement;
  private readonly body = h('tbody');
  private readonly message = h('p', { class: 'message', role: 'status' });
  private plan: Plan = { rules: [], seed: 1 };

  constructor(private readonly onReset: () => void) {
    const action = h('input', { name: 'action', placeholder: 'every action', 'aria-label': 'fault action', list: 'known-actions' });
    const kind = h(
      'select',
      { name: 'kind', 'aria-label': 'fault kind' },
      KINDS.map(([v, l]) => h('option', { value: v }, l)),
    );
    const rate = h('input', { name: 'rate', type: 'number', min: 0, max: 1, step: 0.05, value: '1', 'aria-label': 'fault rate' });
    const delay = h('input', {
      name: 'latencyMs',
      type: 'number',
      min: 0,
      max: 60000,
      step: 100,
      value: '1000',
      'aria-label': 'delay in ms',
    });
    const count = h('input', { name: 'count', type: 'number', min: 1, placeholder: 'unlimited', 'aria-label': 'fault count' });
    const form = h(
      'form',
      {
        class: 'fault-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const rule: FaultRule = { rate: Number(rate.value), kind: kind.value };
          if (action.value.trim()) rule.action = action.value.trim();
          if (kind.value === 'latency') rule.latencyMs = Number(delay.value);
          if (count.value) rule.count = Number(count.value);
          const rules = this.plan.rules.map(({ fired: _f, ...r }) => r);
          void this.save(
            { rules: [...rules, rule], seed: this.plan.seed },
            `Fault added: ${rule.kind} on ${rule.action ?? 'every action'}.`,
          );
        },
      },
      h('label', null, 'Action ', action),
      h('label', null, 'Error ', kind),
      h('label', null, 'Rate ', rate),
      h('label', null, 'Delay ms ', delay),
      h('label', null, 'Times ', count),
      h('button', { type: 'submit' }, 'Add fault'),
    );
    this.el = h(
      'section',
      { id: 'faults' },
      h('h2', null, 'Faults'),
      form,
      h(
        'table',
        { class: 'faults' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Action', 'Error', 'Rate', 'Delay', 'Times', 'Fired', ''].map((c) => h('th', null, c)),
          ),
        ),
        this.body,
      ),
      h(
        'div',
        { class: 'controls' },
        h('button', { type: 'button', onclick: () => void this.clear() }, 'Clear faults'),
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            onclick: () => {
              if (confirm('Drop all data of the emulator and seed it again?')) void this.reset();
            },
          },
          'Reset emulator',
        ),
      ),
      this.message,
    );
  }

  async load(): Promise<void> {
    this.plan = await getJson<Plan>('/_emulator/faults');
    this.render();
  }

  private async save(plan: Omit<Plan, 'rules'> & { rules: FaultRule[] }, done: string): Promise<void> {
    try {
      this.plan = await change<Plan>('POST', '/_emulator/faults', plan);
      this.render();
      this.say(done);
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private async clear(): Promise<void> {
    try {
      this.plan = await change<Plan>('DELETE', '/_emulator/faults');
      this.render();
      this.say('Faults cleared.');
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private async reset(): Promise<void> {
    try {
      await change('POST', '/_emulator/reset');
      this.say('Emulator reset: data seeded again, faults cleared.');
      await this.load();
      this.onReset();
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private say(text: string, error = false): void {
    this.message.textContent = text;
    this.message.classList.toggle('error', error);
  }

  private render(): void {
    const rules = this.plan.rules;
    fill(
      this.body,
      rules.length
        ? rules.map((r, i) =>
            h(
              'tr',
              null,
              h('td', null, r.action ?? 'every action'),
              h('td', null, KINDS.find(([v]) => v === r.kind)?.[1] ?? r.kind),
              h('td', { class: 'num' }, r.rate),
              h('td', { class: 'num' }, r.kind === 'latency' ? `${r.latencyMs} ms` : ''),
              h('td', { class: 'num' }, r.count ?? '∞'),
              h('td', { class: 'num fired' }, r.fired ?? 0),
              h(
                'td',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'x',
                    'aria-label': 'remove rule',
                    onclick: () =>
                      void this.save(
                        { rules: rules.filter((_, j) => j !== i).map(({ fired: _f, ...x }) => x), seed: this.plan.seed },
                        'Fault removed.',
                      ),
                  },
                  '×',
                ),
              ),
            ),
          )
        : h('tr', null, h('td', { colspan: 7, class: 'muted' }, 'No faults: every call is answered normally.')),
    );
  }

  get active(): boolean {
    return this.plan.rules.length > 0;
  }
}
