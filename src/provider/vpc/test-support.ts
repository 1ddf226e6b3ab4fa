/**
 * Test support for the example resources: run the framework's config validation on a partial
 * config and list the errors as `path: detail` lines, so tests assert on what users read.
 */
import { Diagnostics, formatPath, type Schema } from '../../framework/index.js';
import { validateConfig } from '../../framework/validate.js';
import { full } from '../../framework/testing/widget.js';
import type { PlainObject } from '../../framework/convert.js';

/** Validation errors of `partial` (missing attributes are null) as `path: detail` strings. */
export function validationErrors(schema: Schema, partial: PlainObject): string[] {
  const diags = new Diagnostics();
  validateConfig(schema, full(schema, partial), diags);
  return diags.errors().map((d) => `${d.attribute ? formatPath(d.attribute) : '(block)'}: ${d.detail ?? d.summary}`);
}
