/**
 * One way to write a resource of this provider: the pieces every resource and data source
 * uses instead of its own copy. See docs/contributing.md ("Adding a resource or data source").
 * - `attempt` / `addEcsError`: a client error becomes one diagnostic (action, code, request id,
 *   what to do) and the method returns `NO_STATE`;
 * - `readRemote`: the read pattern (gone -> null, error -> diagnostic naming type and id, prior state kept);
 * - `Deadline`, `pause`, `retryWhile`: abortable time; `deleteWithDependencyRetry` for network deletes;
 * - `tagsAttribute` (rules from the spec's tag parameter), `tagsToInput`, `tagsForState`, `syncEcsTags`;
 * - `stringRules`, `specField`: attribute validators from the action tables;
 * - `optionalString`, `syncAliasPlan`; for data sources `resultId`, `nameRegexAttribute`, `outputFileWrittenAttribute`, `writeOutputFile`.
 */
export * from './diagnostics.js';
export * from './read.js';
export * from './wait.js';
export * from './delete.js';
export * from './tags.js';
export * from './spec-rules.js';
export * from './values.js';
export * from './data-source.js';
