/**
 * Deleting network objects: the cloud refuses with `DependencyViolation*` while dependents
 * (instances, vSwitches, network interfaces) are still being released, which after a
 * `terraform destroy` of a whole stack is a matter of seconds. Retry until the delete timeout.
 */
import { isEcsServiceError } from '../../ecs/index.js';
import { Deadline, retryWhile } from './wait.js';

/** True for the cloud's "dependents still exist" answers. */
export const isDependencyViolation = (err: unknown): boolean => isEcsServiceError(err) && err.code.startsWith('DependencyViolation');

/** Run `remove`, retrying (abortably, growing pauses) while dependents are still being released, up to `timeoutMs`. */
export async function deleteWithDependencyRetry(remove: () => Promise<unknown>, timeoutMs: number, signal: AbortSignal): Promise<void> {
  await retryWhile(remove, isDependencyViolation, { deadline: new Deadline(timeoutMs), signal });
}
