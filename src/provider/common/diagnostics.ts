/**
 * Turn anything the ECS client throws into one diagnostic: a title-case summary, a detail
 * naming the action, the error code and the request id, and what to do next; attached to
 * the attribute the error is about when there is one. {@link attempt} wraps one step of a
 * resource method so that such an error ends the method with `NO_STATE` (the framework's
 * result contract), never as an "Unexpected Error".
 */
import { NO_STATE, type Diagnostics, type NoState } from '../../framework/index.js';
import {
  isEcsError,
  isEcsServiceError,
  type EcsResponseError,
  type EcsServiceError,
  type EcsTimeoutError,
  type EcsWaitFailedError,
} from '../../ecs/index.js';

/** What to do after an ECS error code, for the codes users meet. */
const HINTS: Readonly<Record<string, string>> = {
  IncorrectInstanceStatus: 'The instance must be Running or Stopped. Wait for it to settle (or start/stop it), then apply again.',
  InstanceLockedForSecurity:
    'The instance is locked for security reasons and cannot be imaged. Unlock it in the console or use another source.',
  'InvalidImageName.Duplicated':
    'Another custom image in this region already has this name. Choose another image_name, or import the existing image with `terraform import <address> <image id>`.',
  ImageUsingByInstance:
    'Instances still use this image. Set force = true and apply that change first, then destroy again; instances created from it can then no longer re-initialise their system disk.',
  'InvalidResourceGroup.NotFound': 'Check resource_group_id: the resource group does not exist in this account.',
  'InvalidSnapshotId.NotFound': 'Check the snapshot id: it does not exist in this region.',
  'InvalidSnapshotId.NotReady': 'The snapshot is still being created. Wait until it is accomplished, then apply again.',
  'InvalidSnapshot.TooOld': 'Snapshots created on or before 2013-07-15 cannot make images. Take a new snapshot of the disk.',
  'InvalidInstanceId.NotFound': 'Check instance_id: the instance does not exist in this region.',
  IdempotentParameterMismatch:
    'An earlier request used the same ClientToken with other parameters. Change any argument (e.g. description) to get a new token, or report this as a provider bug.',
  'QuotaExceed.Image': 'The custom image quota of the account is reached. Delete unused images or raise the quota.',
  OperationDenied: 'ECS refused the request as configured; for disk_device_mapping give exactly one system disk and at most 16 data disks.',
  Forbidden: 'The credentials lack permission for this action (RAM policy). For resource groups, pass a resource_group_id you may use.',
  'InvalidAccessKeyId.NotFound': 'The access key id is unknown. Check access_key / ALICLOUD_ACCESS_KEY.',
  SignatureDoesNotMatch: 'The secret key does not match the access key id. Check secret_key / ALICLOUD_SECRET_KEY.',
};

function hintFor(e: EcsServiceError): string {
  const exact = HINTS[e.code];
  if (exact) return exact;
  if (e.code.includes('Throttling'))
    return 'ECS kept throttling the requests after several retries with backoff. Try again later or lower -parallelism.';
  if (e.httpStatus >= 500) return 'ECS had an internal error and retries did not help. Try again later.';
  if (e.code.startsWith('Forbidden')) return HINTS.Forbidden!;
  return 'Fix the request as the message says and apply again.';
}

export interface EcsErrorContext {
  /** Title of the failed step, e.g. `Cannot Create Image`. */
  summary: string;
  /** Attribute the error is about (by ECS code), when one applies. */
  attributeFor?(code: string): string | undefined;
  /** The timeouts key to raise when a wait timed out, e.g. `create`. */
  timeoutKey?: string;
  /** Extra sentence appended to the detail (e.g. "The image m-1 is kept in state as tainted."). */
  note?: string;
}

/** Add one error diagnostic for `err`. */
export function addEcsError(diags: Diagnostics, err: unknown, ctx: EcsErrorContext): void {
  const note = ctx.note ? `\n\n${ctx.note}` : '';
  if (isEcsServiceError(err)) {
    const rid = err.requestId ? `request id ${err.requestId}` : 'no request id';
    const detail = `${err.product} ${err.action} returned ${err.code} (HTTP ${err.httpStatus}, ${rid}): ${err.serviceMessage}\n\n${hintFor(err)}${err.recommend ? `\nSee ${err.recommend}` : ''}${note}`;
    const attribute = ctx.attributeFor?.(err.code);
    if (attribute) diags.addAttributeError([{ attribute }], ctx.summary, detail);
    else diags.addError(ctx.summary, detail);
    return;
  }
  if (isEcsError(err)) {
    switch (err.name) {
      case 'EcsCanceledError':
        diags.addError(
          `${ctx.summary}: Canceled`,
          // With a note the note says what became of the object (e.g. kept as tainted); never two accounts of it.
          `${err.message}\n\nTerraform was interrupted.${note || ' What exists is recorded in the state, so the next apply carries on from there.'}`,
        );
        return;
      case 'EcsTimeoutError': {
        const t = err as EcsTimeoutError;
        const raise =
          t.kind === 'wait' && ctx.timeoutKey
            ? ` Raise timeouts { ${ctx.timeoutKey} = "..." } if the cloud is just slow.`
            : ' Check the network and the endpoints/protocol settings.';
        diags.addError(ctx.summary, `${t.message}${raise}${note}`);
        return;
      }
      case 'EcsWaitFailedError':
        diags.addError(ctx.summary, `${(err as EcsWaitFailedError).message}${note}`);
        return;
      case 'EcsResponseError':
        diags.addError(
          ctx.summary,
          `${err.message}\n\nThe endpoint answered, but not with a valid ${(err as EcsResponseError).action} response, so nothing was concluded from it (the state is kept as it was). Check the endpoint (a proxy or gateway in the way?) and run again.${note}`,
        );
        return;
      case 'EcsNetworkError':
        diags.addError(
          ctx.summary,
          `${err.message}\n\nCheck the network, the region, and endpoints/protocol in the provider block (the emulator needs protocol = "HTTP").${note}`,
        );
        return;
      default:
        diags.addError(ctx.summary, `${err.message}${note}`);
        return;
    }
  }
  diags.addError(ctx.summary, `${err instanceof Error ? err.message : String(err)}${note}`);
}

/**
 * Run one step of a resource method: its value, or `NO_STATE` after adding the diagnostic for
 * whatever it threw (see {@link addEcsError}). A step may itself return `NO_STATE` after
 * adding its own diagnostics.
 *
 * @example
 * const created = await attempt(diags, { summary: 'Cannot Create VPC', attributeFor }, () => createVpc(client, input, { signal }));
 * if (created === NO_STATE) return NO_STATE;
 */
export async function attempt<T>(diags: Diagnostics, ctx: EcsErrorContext, step: () => Promise<T | NoState>): Promise<T | NoState> {
  try {
    return await step();
  } catch (err) {
    addEcsError(diags, err, ctx);
    return NO_STATE;
  }
}
