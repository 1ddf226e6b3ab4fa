/**
 * The read every resource uses (refresh, and right after import): describe the remote object;
 * `null` (Terraform drops it from state) only when the client says it is gone; otherwise map it
 * to state. Any error becomes one diagnostic naming the type and the id, and the prior state
 * is kept (`NO_STATE`; see the framework's result contract), never lost.
 */
import { NO_STATE, type Diagnostics, type NoState } from '../../framework/index.js';
import { addEcsError } from './diagnostics.js';

/** What the read needs of the framework's read request: the type, the stored id, diagnostics and the log. */
export interface ReadContext {
  typeName: string;
  state: { readonly id: string | null };
  diags: Diagnostics;
  log: { info(message: string, fields?: Record<string, unknown>): void };
}

/**
 * Read the object of `req.state.id`: `describe` resolves `undefined`/`null` only when the cloud
 * says it does not exist (the client's not-found handling); `toState` maps what it found.
 *
 * @example
 * read: (req) => readRemote(req, (id) => describeVpc(req.client, id, { signal: req.signal }), (vpc) => fromVpc(vpc, req.state)),
 */
export async function readRemote<R, T>(
  req: ReadContext,
  describe: (id: string) => Promise<R | undefined | null>,
  toState: (remote: R) => T | Promise<T>,
): Promise<T | null | NoState> {
  const id = req.state.id;
  if (!id) {
    req.diags.addError(`Cannot Read ${req.typeName}`, `The state of ${req.typeName} has no id. Import the object again with its id.`);
    return NO_STATE;
  }
  try {
    const remote = await describe(id);
    if (remote === undefined || remote === null) {
      req.log.info(`${req.typeName}: ${id} no longer exists; removing it from state`, { id });
      return null;
    }
    return await toState(remote);
  } catch (err) {
    addEcsError(req.diags, err, {
      summary: `Cannot Read ${req.typeName} ${id}`,
      note: `The state of ${req.typeName} ${id} is kept as it was; run terraform plan again once the cause is fixed.`,
    });
    return NO_STATE;
  }
}
