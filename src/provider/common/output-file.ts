/** `output_file` that works: the matched list is written there as JSON (the official provider's `writeToFile`). */
import { writeFileSync } from 'node:fs';
import { attr } from '../../framework/index.js';

export const writtenOutputFileAttribute = attr.string({
  optional: true,
  description: 'File the matched list is written to, as indented JSON.',
});

/** Write `items` to `path` when set (after a successful read). */
export function writeOutputFile(path: string | null | undefined, items: unknown): void {
  if (path) writeFileSync(path, `${JSON.stringify(items, null, 2)}\n`);
}
