/**
 * Shared rules of the instance lifecycle actions: finding the caller's instance (these actions
 * carry no RegionId, so ids are looked up across the account's regions), the derived status,
 * and the attribute rules the spec tables cannot express
 * (password classes, host name and instance name shapes).
 */
import { EcsApiError, apiError, type HandlerContext } from '../context.js';
import { currentInstanceStatus, findInstanceAnyRegion, type InstanceRecord, type InstanceStatus } from './repository.js';

/** The account's instance by id, any region (InvalidInstanceId.NotFound otherwise). */
export function ownInstance(ctx: HandlerContext, id: string, param = 'InstanceId'): InstanceRecord {
  const inst = findInstanceAnyRegion(ctx.db, ctx.account.accountId, id);
  if (!inst) throw apiError('InvalidInstanceId.NotFound', `The instance "${id}" given in ${param} does not exist.`);
  return inst;
}

/** Status a client would see now. */
export function statusNow(ctx: HandlerContext, inst: InstanceRecord): InstanceStatus {
  return currentInstanceStatus(inst, ctx.now(), ctx.settings.instanceStartSeconds);
}

/** Throws IncorrectInstanceStatus unless the instance is in one of `allowed`. */
export function requireStatus(
  ctx: HandlerContext,
  inst: InstanceRecord,
  allowed: readonly InstanceStatus[],
  action: string,
): InstanceStatus {
  const status = statusNow(ctx, inst);
  if (!allowed.includes(status)) {
    // 403 as the lifecycle APIs document it; the shared table keeps CreateImage's 400 (ecs-api.md 3.1).
    throw new EcsApiError(
      'IncorrectInstanceStatus',
      403,
      `The instance "${inst.id}" is ${status}; ${action} needs it to be ${allowed.join(' or ')}.`,
    );
  }
  return status;
}

const PASSWORD_SPECIALS = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/";

/** ECS password rule: 8-30 characters from letters, digits and the listed specials, with at least three classes. */
export function checkPassword(pw: string): void {
  const allowed = [...pw].every((c) => /[A-Za-z0-9]/.test(c) || PASSWORD_SPECIALS.includes(c));
  const classes =
    [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(pw)).length + ([...pw].some((c) => PASSWORD_SPECIALS.includes(c)) ? 1 : 0);
  if (pw.length < 8 || pw.length > 30 || !allowed || classes < 3) {
    throw apiError(
      'InvalidPassword.Malformed',
      `The specified Password is not valid: 8 to 30 characters with at least three of upper-case letters, lower-case letters, digits and the specials ${PASSWORD_SPECIALS}; a password must not start with "/".`,
    );
  }
  if (pw.startsWith('/')) throw apiError('InvalidPassword.Malformed', 'The specified Password is not valid: it must not start with "/".');
}

/** Linux host names: 2-64 characters of letters, digits, '.' and '-'; no leading, trailing or doubled '.' or '-'. */
export function checkHostName(name: string): void {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,62}[A-Za-z0-9])$/.test(name) || /[.-]{2}/.test(name)) {
    throw apiError(
      'InvalidHostName.Malformed',
      `The specified HostName "${name}" is not valid: 2 to 64 characters of letters, digits, periods and hyphens, not starting or ending with a period or hyphen and without two in a row.`,
    );
  }
}

/** Instance names start with a letter or a Chinese character; then letters, digits, Chinese, '.', '_', ':', '-'. */
export function checkInstanceName(name: string): void {
  if (!/^[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff._:-]{1,127}$/u.test(name)) {
    throw apiError(
      'InvalidInstanceName.Malformed',
      `The specified InstanceName "${name}" is not valid: 2 to 128 characters starting with a letter or Chinese character, then letters, digits, Chinese characters, periods, underscores, colons or hyphens.`,
    );
  }
}

/** A deterministic public address for an instance (47.96.0.0/11 is an Alibaba Cloud block). */
export function publicIpFor(instanceId: string): string {
  let h = 2166136261;
  for (const c of instanceId) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `47.${96 + ((h >>> 16) & 31)}.${(h >>> 8) & 255}.${1 + ((h & 255) % 254)}`;
}
