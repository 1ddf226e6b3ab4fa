/**
 * The standing compatibility check (issue 10): every official record under `compat/official/`
 * against what we serve. `compareAll` takes Terraform's JSON schema of our provider (from
 * `terraform providers schema -json`) and our provider definition (for the facts the JSON
 * cannot show) and returns every difference; the deliberate ones are listed in
 * `compat/differences.json` (see `differences.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderDefinition, Schema } from '../framework/index.js';
import { diffFacts, officialFacts, ourFacts, recordKey, type Difference, type JsonBlock, type OfficialRecord } from './facts.js';

/** The provider part of `terraform providers schema -json` (one provider). */
export interface ProviderJsonSchema {
  provider: { block: JsonBlock };
  resource_schemas?: Record<string, { block: JsonBlock }>;
  data_source_schemas?: Record<string, { block: JsonBlock }>;
}

/** Every record file of `dir` (`compat/official`), by record key. */
export function loadRecords(dir: string): Map<string, OfficialRecord> {
  const out = new Map<string, OfficialRecord>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const record = JSON.parse(readFileSync(join(dir, name), 'utf8')) as OfficialRecord;
    out.set(recordKey(record.kind, record.type), record);
  }
  return out;
}

export interface CheckResult {
  /** Every difference, types not served included (`fact: 'served'`). */
  readonly differences: Difference[];
  /** Record keys compared (all records). */
  readonly checked: Set<string>;
  /** Types we serve that have no official record (each is an error: record it first). */
  readonly unrecorded: string[];
}

/** Compare every record with our schema. */
export function compareAll(
  json: ProviderJsonSchema,
  provider: ProviderDefinition<Schema, unknown>,
  records: Map<string, OfficialRecord>,
): CheckResult {
  const differences: Difference[] = [];
  const ours = new Map<string, { json: JsonBlock; schema: Schema }>();
  ours.set('provider', { json: json.provider.block, schema: provider.schema });
  for (const r of provider.resources) {
    const block = json.resource_schemas?.[r.typeName]?.block;
    if (block) ours.set(r.typeName, { json: block, schema: r.schema });
  }
  for (const d of provider.dataSources ?? []) {
    const block = json.data_source_schemas?.[d.typeName]?.block;
    if (block) ours.set(`data.${d.typeName}`, { json: block, schema: d.schema });
  }
  const served = [
    ...Object.keys(json.resource_schemas ?? {}),
    ...Object.keys(json.data_source_schemas ?? {}).map((t) => `data.${t}`),
    'provider',
  ];
  const unrecorded = served.filter((k) => !records.has(k)).sort();
  for (const [key, record] of records) {
    const mine = ours.get(key);
    if (!mine) {
      differences.push({ type: key, path: '', fact: 'served', official: true, ours: false });
      continue;
    }
    differences.push(...diffFacts(key, officialFacts(record), ourFacts(mine.json, mine.schema)));
  }
  return { differences, checked: new Set(records.keys()), unrecorded };
}
