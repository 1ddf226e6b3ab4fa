/**
 * `output_file` of the network data sources: the official provider writes the result list there
 * as JSON after each read; so do we (the other data sources still only accept it).
 */
import { writeFileSync } from 'node:fs';
import { attr, v } from '../../framework/index.js';

export const writtenOutputFileAttribute = attr.string({
  optional: true,
  validators: [v.nonEmpty()],
  description: 'Path of a file the result list is written to as JSON after each read.',
});

/** Write `result` to `path` as indented JSON when a path is given. */
export function writeOutputFile(path: string | null | undefined, result: unknown): void {
  if (path) writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
}
