/**
 * The diagnostics collector handed to every resource, data source and provider method.
 *
 * Framework code never throws at Terraform: every failure becomes a {@link Diagnostic}
 * (severity, title-case summary, a detail that says what happened and what to do, and
 * optionally the config attribute it is about). Methods receive a `Diagnostics` instance,
 * add to it, and the framework returns the collected list with the RPC response.
 *
 * @example
 * diags.addAttributeError([{ attribute: 'image_name' }], 'Invalid Image Name', 'Must not start with "http://".');
 * if (diags.hasError()) return null;
 */
import type { AttributePath, Diagnostic } from '../tfplugin/provider-server.js';

export class Diagnostics {
  /** The collected diagnostics, in insertion order. */
  readonly items: Diagnostic[] = [];

  /** Add an error that applies to the whole resource (no attribute). */
  addError(summary: string, detail?: string): this {
    return this.push({ severity: 'error', summary, ...(detail !== undefined ? { detail } : {}) });
  }

  /** Add a warning that applies to the whole resource (no attribute). */
  addWarning(summary: string, detail?: string): this {
    return this.push({ severity: 'warning', summary, ...(detail !== undefined ? { detail } : {}) });
  }

  /** Add an error attached to a config attribute (Terraform shows the source line). */
  addAttributeError(path: AttributePath, summary: string, detail?: string): this {
    return this.push({ severity: 'error', summary, ...(detail !== undefined ? { detail } : {}), attribute: [...path] });
  }

  /** Add a warning attached to a config attribute. */
  addAttributeWarning(path: AttributePath, summary: string, detail?: string): this {
    return this.push({ severity: 'warning', summary, ...(detail !== undefined ? { detail } : {}), attribute: [...path] });
  }

  /** Append diagnostics from another collector or list, skipping exact duplicates. */
  append(other: Diagnostics | readonly Diagnostic[]): this {
    for (const d of other instanceof Diagnostics ? other.items : other) this.push(d);
    return this;
  }

  /** True when at least one error was added. */
  hasError(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Errors only. */
  errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  /** Warnings only. */
  warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }

  private push(d: Diagnostic): this {
    const key = JSON.stringify(d);
    if (!this.items.some((x) => JSON.stringify(x) === key)) this.items.push(d);
    return this;
  }
}

/** Render a path the way users write it in HCL, e.g. `disk_device_mapping[0].size` or `tags["env"]`. */
export function formatPath(path: AttributePath): string {
  let out = '';
  for (const step of path) {
    if ('attribute' in step) out += (out === '' ? '' : '.') + step.attribute;
    else if ('key' in step) out += `[${JSON.stringify(step.key)}]`;
    else out += `[${step.index}]`;
  }
  return out;
}
