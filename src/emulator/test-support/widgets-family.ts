/**
 * A tiny family used only by the core's tests: its action tables exercise every
 * validation rule generically (enum, length, integer range, repeat list max, packed lists,
 * objects) and its handlers exercise transactions, errors and persistence.
 */
import type { Family, HandlerContext } from '../context.js';
import { apiError } from '../context.js';
import type { ActionInput, ActionSpec } from '../../spec/ecs/types.js';

export const createWidgetSpec: ActionSpec = {
  product: 'Ecs',
  version: '2014-05-26',
  action: 'CreateWidget',
  mutating: true,
  params: [
    { name: 'RegionId', kind: 'scalar', type: 'string', required: true },
    {
      name: 'WidgetName',
      kind: 'scalar',
      type: 'string',
      required: true,
      minLength: 2,
      maxLength: 8,
      pattern: '[A-Za-z][A-Za-z0-9 ]*',
      forbiddenPrefixes: ['aliyun', 'http://'],
      errorCode: 'InvalidWidgetName.Malformed',
      description: 'starts with a letter',
    },
    { name: 'Color', kind: 'scalar', type: 'string', enum: ['red', 'green'] },
    { name: 'Size', kind: 'scalar', type: 'integer', min: 1, max: 100 },
    { name: 'Shiny', kind: 'scalar', type: 'boolean' },
    {
      name: 'Tag',
      kind: 'repeatList',
      maxItems: 3,
      tooManyCode: 'NumberExceed.Tags',
      fields: [
        { name: 'Key', kind: 'scalar', type: 'string', required: true, minLength: 1, maxLength: 128 },
        { name: 'Value', kind: 'scalar', type: 'string', maxLength: 128 },
      ],
    },
    { name: 'PartId', kind: 'packedList', packing: 'comma', maxItems: 2 },
    {
      name: 'Features',
      kind: 'object',
      fields: [{ name: 'NvmeSupport', kind: 'scalar', type: 'string', enum: ['supported', 'unsupported'] }],
    },
    { name: 'FailAfterWrite', kind: 'scalar', type: 'string', enum: ['api', 'crash'] },
  ],
};

export const describeWidgetsSpec: ActionSpec = {
  product: 'Ecs',
  version: '2014-05-26',
  action: 'DescribeWidgets',
  params: [
    { name: 'RegionId', kind: 'scalar', type: 'string', required: true },
    { name: 'PageSize', kind: 'scalar', type: 'integer', min: 1, max: 100 },
    { name: 'WidgetIds', kind: 'packedList', packing: 'json', maxItems: 100 },
  ],
};

function createWidget(ctx: HandlerContext, input: ActionInput): Record<string, unknown> {
  const id = ctx.newId('w-');
  ctx.db
    .prepare('INSERT INTO widgets (widget_id, account_id, region_id, name, input, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, ctx.account.accountId, ctx.regionId, input.WidgetName, JSON.stringify(input), ctx.now().toISOString());
  if (input.FailAfterWrite === 'api') throw apiError('InvalidWidgetId.NotFound', 'Failing on purpose after the write.');
  if (input.FailAfterWrite === 'crash') throw new Error('widget handler crashed on purpose');
  return { WidgetId: id, Input: input };
}

function describeWidgets(ctx: HandlerContext, input: ActionInput): Record<string, unknown> {
  const rows = ctx.db
    .prepare('SELECT widget_id, name FROM widgets WHERE account_id = ? AND region_id = ? ORDER BY rowid')
    .all(ctx.account.accountId, ctx.regionId) as { widget_id: string; name: string }[];
  return { TotalCount: rows.length, Widgets: { Widget: rows.map((r) => ({ WidgetId: r.widget_id, WidgetName: r.name })) }, Input: input };
}

export const widgetsFamily: Family = {
  name: 'widgets',
  product: 'Ecs',
  specs: [createWidgetSpec, describeWidgetsSpec],
  handlers: { createWidget, describeWidgets },
  errors: [
    { code: 'InvalidWidgetName.Malformed', status: 400, message: 'The specified widget name is wrongly formed.' },
    { code: 'NumberExceed.Tags', status: 400, message: 'The maximum number of tags is exceeded.' },
    { code: 'InvalidWidgetId.NotFound', status: 404, message: 'The specified widget does not exist.' },
  ],
  migrations: [
    {
      id: '001_widgets',
      sql: `CREATE TABLE widgets (widget_id TEXT PRIMARY KEY, account_id INTEGER NOT NULL, region_id TEXT NOT NULL,
            name TEXT NOT NULL, input TEXT NOT NULL, created_at TEXT NOT NULL)`,
    },
  ],
};
