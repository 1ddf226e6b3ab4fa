/**
 * A complete provider built on the framework for tests: `test_widget` over a small store
 * (in memory, or a JSON file so that state survives the many plugin processes of a real
 * Terraform run). Names starting with "fail-" make create fail after the object exists.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { attr, defineSchema } from '../schema/builders.js';
import type { StateOf } from '../schema/types.js';
import { NO_STATE, defineDataSource, defineProvider, defineResource } from '../resource.js';
import { createProviderServer } from '../server/provider-server.js';
import { widgetSchema } from './widget.js';

export type WidgetState = StateOf<typeof widgetSchema>;

/** Where widgets live between calls. */
export interface WidgetStore {
  get(id: string): WidgetState | undefined;
  put(w: WidgetState): void;
  remove(id: string): void;
  nextId(): string;
}

export function memoryStore(): WidgetStore & { all: Map<string, WidgetState> } {
  const all = new Map<string, WidgetState>();
  let n = 0;
  return {
    all,
    get: (id) => all.get(id),
    put: (w) => void all.set(w.id!, w),
    remove: (id) => void all.delete(id),
    nextId: () => `w-${++n}`,
  };
}

export function fileStore(path: string): WidgetStore {
  const load = (): { n: number; all: Record<string, WidgetState> } =>
    existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { n: 0, all: {} };
  const save = (d: { n: number; all: Record<string, WidgetState> }) => writeFileSync(path, JSON.stringify(d));
  return {
    get: (id) => load().all[id],
    put: (w) => {
      const d = load();
      d.all[w.id!] = w;
      save(d);
    },
    remove: (id) => {
      const d = load();
      delete d.all[id];
      save(d);
    },
    nextId: () => {
      const d = load();
      d.n += 1;
      save(d);
      return `w-${d.n}`;
    },
  };
}

const providerSchema = defineSchema({
  description: 'Test provider.',
  attributes: {
    prefix: attr.string({ optional: true, description: 'Prefix for ids.' }),
    region: attr.string({ optional: true, ignored: true, description: 'Accepted and ignored.' }),
  },
});

const lookupSchema = defineSchema({
  description: 'Look a widget up by id.',
  attributes: {
    id: attr.string({ required: true, description: 'Widget id.' }),
    name: attr.string({ computed: true, description: 'Name.' }),
  },
});

export function widgetProvider(store: WidgetStore, prefix = 'test') {
  const widget = defineResource<typeof widgetSchema, WidgetStore>({
    typeName: `${prefix}_widget`,
    schema: widgetSchema,
    docs: { subcategory: 'Test', example: `resource "${prefix}_widget" "w" {\n  name = "demo"\n}`, importId: 'w-1' },
    async create({ plan, client, saveProgress, diags }) {
      const id = client.nextId();
      saveProgress({ id });
      if (plan.name.startsWith('fail-')) {
        diags.addError('Widget Did Not Become Ready', `Widget ${id} was created but failed to start.`);
        return NO_STATE;
      }
      const w: WidgetState = {
        ...plan,
        id,
        zone: plan.zone ?? 'a',
        label: plan.label ?? plan.legacy_label ?? `label-${plan.name}`,
        legacy_label: plan.legacy_label ?? plan.label ?? `label-${plan.name}`,
        status: 'ready',
        serial: 42,
        disk: plan.disk.map((d, i) => ({ size: d.size, device: d.device ?? `/dev/xvd${'abc'[i]}`, format: 'ext4' })),
      };
      client.put(w);
      return w;
    },
    async read({ state, client }) {
      return client.get(state.id!) ?? null;
    },
    async update({ plan, prior, client }) {
      const w: WidgetState = {
        ...plan,
        id: prior.id,
        zone: prior.zone,
        label: plan.label ?? plan.legacy_label ?? prior.label,
        legacy_label: plan.legacy_label ?? plan.label ?? prior.legacy_label,
        status: 'updated',
        serial: prior.serial,
        disk: plan.disk.map((d, i) => ({
          size: d.size,
          device: d.device ?? prior.disk[i]?.device ?? null,
          format: prior.disk[i]?.format ?? 'ext4',
        })),
      };
      client.put(w);
      return w;
    },
    async delete({ state, client }) {
      client.remove(state.id!);
    },
    async importState({ id, client }) {
      return client.get(id) ? { id } : null;
    },
  });
  const lookup = defineDataSource<typeof lookupSchema, WidgetStore>({
    typeName: `${prefix}_widget`,
    schema: lookupSchema,
    docs: { subcategory: 'Test', example: `data "${prefix}_widget" "w" {\n  id = "w-1"\n}` },
    async read({ config, client }) {
      const w = client.get(config.id);
      if (!w) throw new Error(`widget ${config.id} not found`);
      return { id: config.id, name: w.name };
    },
  });
  return defineProvider({
    typeNamePrefix: prefix,
    schema: providerSchema,
    async configure() {
      return store;
    },
    resources: [widget],
    dataSources: [lookup],
  });
}

/** The widget provider served over the framework. */
export function widgetServer(store: WidgetStore, prefix = 'test') {
  return createProviderServer(widgetProvider(store, prefix));
}
