/**
 * The deliberate-difference list of the compatibility check (`compat/differences.json`): every
 * way our schema differs from the official provider's, each with the reason a user reads in
 * `docs/compatibility.md`. The check fails on a difference not listed here and on a listed one
 * that no longer exists, so the list stays true.
 *
 * An entry: `{ type, path?, fact, official, ours, reason }`.
 * - `type`: `alicloud_image`, `data.alicloud_images` or `provider` (as the record files are named).
 * - `path`: dotted attribute path; `*` matches one path segment (`endpoints.*`). Absent for
 *   type-level facts (`fact: 'served'`).
 * - `fact`: a fact name of `facts.ts`, `present` (the path exists on one side only) or `served`.
 * - `official`, `ours`: the two values, exactly as the check reports them.
 * - `reason`: `pending: <who/issue>` (type not served yet), `missing: <issue>` (a gap we mean to
 *   close), or why the difference is deliberate. A reason starting with `TODO` fails the check.
 */
import { sameValue, type Difference, type FactValue } from './facts.js';

export interface ListedDifference {
  readonly type: string;
  readonly path?: string;
  readonly fact: string;
  readonly official: FactValue;
  readonly ours: FactValue;
  readonly reason: string;
}

export interface DifferencesFile {
  readonly $comment?: string;
  readonly differences: readonly ListedDifference[];
}

/** Parse and check the file's shape; throws with the entry index and what is wrong. */
export function parseDifferences(text: string): ListedDifference[] {
  const doc = JSON.parse(text) as DifferencesFile;
  if (!doc || !Array.isArray(doc.differences)) throw new Error('compat/differences.json: expected { "differences": [ ... ] }');
  doc.differences.forEach((d, i) => {
    const where = `compat/differences.json entry ${i} (${JSON.stringify(d).slice(0, 160)})`;
    if (typeof d.type !== 'string' || !d.type) throw new Error(`${where}: "type" must be a type name`);
    if (typeof d.fact !== 'string' || !d.fact) throw new Error(`${where}: "fact" must be a fact name`);
    if (d.fact !== 'served' && (typeof d.path !== 'string' || !d.path)) throw new Error(`${where}: "path" is required for fact ${d.fact}`);
    if (!('official' in d) || !('ours' in d)) throw new Error(`${where}: "official" and "ours" are required`);
    if (typeof d.reason !== 'string' || !d.reason.trim()) throw new Error(`${where}: "reason" must say why`);
  });
  return [...doc.differences];
}

function pathMatches(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined) return path === '';
  if (!pattern.includes('*')) return pattern === path;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^.]+')}$`,
  );
  return re.test(path);
}

/** True when the listed entry covers the difference (same type, path, fact and both values). */
export function covers(entry: ListedDifference, d: Difference): boolean {
  return (
    entry.type === d.type &&
    entry.fact === d.fact &&
    pathMatches(entry.path, d.path) &&
    sameValue(entry.official, d.official) &&
    sameValue(entry.ours, d.ours)
  );
}

export interface Reconciled {
  /** Differences no entry covers. */
  readonly unlisted: Difference[];
  /** Entries that cover no current difference. */
  readonly stale: ListedDifference[];
  /** Entries whose reason is still a TODO. */
  readonly todo: ListedDifference[];
}

/**
 * Compare the current differences with the list. `checkedTypes` limits stale detection to the
 * types compared in this run (all of them in the real check).
 */
export function reconcile(
  current: readonly Difference[],
  listed: readonly ListedDifference[],
  checkedTypes?: ReadonlySet<string>,
): Reconciled {
  const used = new Set<ListedDifference>();
  const unlisted: Difference[] = [];
  for (const d of current) {
    const hit = listed.find((e) => covers(e, d));
    if (hit) used.add(hit);
    else unlisted.push(d);
  }
  const stale = listed.filter((e) => !used.has(e) && (!checkedTypes || checkedTypes.has(e.type)));
  const todo = listed.filter((e) => /^TODO/i.test(e.reason.trim()));
  return { unlisted, stale, todo };
}

/** The entry to add for a difference (one JSON line), with a placeholder reason. */
export function entryFor(d: Difference, reason = 'TODO: why this differs (or "missing: <issue>")'): ListedDifference {
  return { type: d.type, ...(d.path ? { path: d.path } : {}), fact: d.fact, official: d.official, ours: d.ours, reason };
}

/** One-line description of a difference for failure messages and docs. */
export function describe(d: Pick<Difference, 'type' | 'fact' | 'official' | 'ours'> & { path?: string }): string {
  const at = d.path ? `${d.type} ${d.path}` : d.type;
  if (d.fact === 'served') return `${at}: ${d.ours ? 'served by us only' : 'not served by us yet'}`;
  if (d.fact === 'present')
    return `${at}: ${d.ours ? 'only in ours (the official provider has no such argument/attribute)' : 'missing in ours'}`;
  return `${at}: ${d.fact} differs (official: ${JSON.stringify(d.official)}, ours: ${JSON.stringify(d.ours)})`;
}

/** The file text for a list (stable order: type, path, fact), one entry per line. */
export function formatDifferences(list: readonly ListedDifference[], comment: string): string {
  const sorted = [...list].sort(
    (a, b) => a.type.localeCompare(b.type) || (a.path ?? '').localeCompare(b.path ?? '') || a.fact.localeCompare(b.fact),
  );
  const lines = sorted.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "$comment": ${JSON.stringify(comment)},\n  "differences": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

//// docs ////

type Group = 'pending' | 'missing' | 'deliberate';
function groupOf(e: ListedDifference): Group {
  if (/^pending\b/i.test(e.reason)) return 'pending';
  if (/^missing\b/i.test(e.reason)) return 'missing';
  return 'deliberate';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const value = (v: FactValue) => (v === null ? '-' : `\`${cell(JSON.stringify(v))}\``);
const typeTitle = (t: string) =>
  t === 'provider' ? 'provider block' : t.startsWith('data.') ? `data source \`${t.slice(5)}\`` : `resource \`${t}\``;

/** `docs/compatibility.md`: the list, grouped for users (not served yet, gaps, deliberate). */
export function compatibilityDoc(list: readonly ListedDifference[], officialCommit: string): string {
  const by = (g: Group) => list.filter((e) => groupOf(e) === g);
  const table = (entries: readonly ListedDifference[]) => {
    const rows = [...entries]
      .sort((a, b) => a.type.localeCompare(b.type) || (a.path ?? '').localeCompare(b.path ?? '') || a.fact.localeCompare(b.fact))
      .map(
        (e) =>
          `| ${typeTitle(e.type)} | ${e.path ? `\`${cell(e.path)}\`` : '-'} | ${e.fact} | ${value(e.official)} | ${value(e.ours)} | ${cell(e.reason)} |`,
      );
    return ['| type | argument / attribute | fact | official | ours | reason |', '|---|---|---|---|---|---|', ...rows].join('\n');
  };
  const section = (title: string, intro: string, entries: readonly ListedDifference[]) =>
    `## ${title}\n\n${intro}\n\n${entries.length ? table(entries) : '_None._'}\n`;
  return [
    '# Compatibility with the official provider',
    '',
    '<!-- generated by `npm run docs` from compat/differences.json; do not edit -->',
    '',
    `This provider is a drop-in for the official \`aliyun/alicloud\` provider. A test compares, for every type we serve, the schema Terraform sees (\`terraform providers schema -json\`) and our schema declarations (ForceNew, defaults, validation, conflicts, timeouts) with a record of the official provider's schema (\`compat/official/\`, facts read from its source at commit \`${officialCommit}\`). Every difference is listed below with its reason; the test fails on any other difference and on an entry that no longer holds.`,
    '',
    'Facts: `present` (the argument exists on one side only), `kind` (attribute or HCL block), `type`, `required`/`optional`/`computed` (computed: filled by the provider when left out), `forceNew` (a change replaces the resource), `default`, `enum`/`range`/`length` (values accepted before any API call), `conflictsWith`, `deprecated`, `minItems`/`maxItems`, `timeouts` (operations and default durations).',
    '',
    section('Not served yet', 'Types of the official provider our registry does not serve yet, and who is adding them.', by('pending')),
    section(
      'Gaps',
      'Official arguments and attributes we do not have yet or do not match yet, with the issue that tracks them.',
      by('missing'),
    ),
    section(
      'Deliberate differences',
      'Where we differ on purpose. Most are stricter checks made before any API call, or a replacement where the official provider would silently do nothing.',
      by('deliberate'),
    ),
  ].join('\n');
}
