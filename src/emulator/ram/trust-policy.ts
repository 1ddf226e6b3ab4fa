/**
 * Trust policies (a role's AssumeRolePolicyDocument) and session policies: parsing with the
 * grammar checks RAM applies, and the decision whether a principal may assume a role
 * (api-wave2.md section 6). A statement admits a caller when its Effect is Allow, its Action
 * covers `sts:AssumeRole`, its Principal names the caller (`RAM`: the caller's ARN or its
 * account's `root`; `Service`: a cloud service; `Federated`: an OIDC provider ARN) and every
 * Condition holds; a matching Deny statement wins over any Allow.
 */

/** Who asks to assume a role. */
export type Principal =
  { kind: 'ram'; accountId: number; arn: string } | { kind: 'service'; service: string } | { kind: 'federated'; providerArn: string };

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

/** A parsed policy document, or the reason it is malformed. */
export function parsePolicy(text: string): { statements: Statement[] } | { problem: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { problem: 'it must be a JSON object' };
  const { Version, Statement } = doc as { Version?: unknown; Statement?: unknown };
  if (Version !== '1') return { problem: 'its "Version" must be "1"' };
  if (!Array.isArray(Statement) || Statement.length === 0) return { problem: 'its "Statement" must be a non-empty array' };
  for (const [i, s] of Statement.entries()) {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return { problem: `Statement[${i}] must be an object` };
    const st = s as Statement;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return { problem: `Statement[${i}].Effect must be "Allow" or "Deny"` };
    if (strings(st.Action).length === 0) return { problem: `Statement[${i}].Action must name at least one action` };
  }
  return { statements: Statement as Statement[] };
}

/** Why a trust policy is malformed (it must also name a Principal in every statement), or undefined. */
export function trustPolicyProblem(text: string): string | undefined {
  const parsed = parsePolicy(text);
  if ('problem' in parsed) return parsed.problem;
  const i = parsed.statements.findIndex((s) => s.Principal === null || typeof s.Principal !== 'object');
  return i >= 0 ? `Statement[${i}].Principal must be an object naming RAM, Service or Federated principals` : undefined;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function coversAssumeRole(action: unknown): boolean {
  return strings(action).some((a) => a === '*' || a === 'sts:*' || a === 'sts:AssumeRole');
}

function names(s: Statement, p: Principal): boolean {
  if (s.Principal === '*') return true;
  const principal = (s.Principal ?? {}) as Record<string, unknown>;
  switch (p.kind) {
    case 'ram': {
      const listed = strings(principal.RAM);
      return listed.includes('*') || listed.includes(p.arn) || listed.includes(`acs:ram::${p.accountId}:root`);
    }
    case 'service':
      return strings(principal.Service).includes(p.service);
    case 'federated':
      return strings(principal.Federated).includes(p.providerArn);
  }
}

/** Only `StringEquals` is understood; any other operator makes the statement not apply (fail closed). */
function conditionsHold(s: Statement, context: Readonly<Record<string, string>>): boolean {
  if (s.Condition === undefined) return true;
  if (s.Condition === null || typeof s.Condition !== 'object') return false;
  for (const [op, block] of Object.entries(s.Condition as Record<string, unknown>)) {
    if (op !== 'StringEquals' || block === null || typeof block !== 'object') return false;
    for (const [key, want] of Object.entries(block as Record<string, unknown>)) {
      const got = context[key];
      if (got === undefined || !strings(want).includes(got)) return false;
    }
  }
  return true;
}

/**
 * True when the trust policy lets `principal` assume the role. `context` holds the condition
 * keys of the request (`sts:ExternalId`, `oidc:iss`, `oidc:aud`, `oidc:sub`).
 */
export function mayAssume(document: string, principal: Principal, context: Readonly<Record<string, string>> = {}): boolean {
  const parsed = parsePolicy(document);
  if ('problem' in parsed) return false;
  const applies = parsed.statements.filter((s) => coversAssumeRole(s.Action) && names(s, principal) && conditionsHold(s, context));
  return applies.some((s) => s.Effect === 'Allow') && !applies.some((s) => s.Effect === 'Deny');
}
