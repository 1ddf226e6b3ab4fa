/** Pure mapping between `alicloud_ecs_deployment_set` state and the ECS deployment-set API. */
import type { CreateDeploymentSetInput, DeploymentSet } from '../../ecs/index.js';
import type { DeploymentSetState } from './schema.js';

type Planned = { [K in keyof DeploymentSetState]: DeploymentSetState[K] | undefined };

export function toCreateDeploymentSetInput(plan: Planned): CreateDeploymentSetInput {
  return {
    Strategy: (plan.strategy ?? undefined) as CreateDeploymentSetInput['Strategy'],
    DeploymentSetName: plan.deployment_set_name ?? undefined,
    Description: plan.description ?? undefined,
    OnUnableToRedeployFailedInstance: (plan.on_unable_to_redeploy_failed_instance ??
      undefined) as CreateDeploymentSetInput['OnUnableToRedeployFailedInstance'],
    Domain: (plan.domain ?? undefined) as CreateDeploymentSetInput['Domain'],
    Granularity: (plan.granularity ?? undefined) as CreateDeploymentSetInput['Granularity'],
  };
}

/** ECS answers the domain and granularity in lower case (`default`, `host`); state keeps the argument's spelling. */
const capitalized = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export function fromDeploymentSet(d: DeploymentSet, prior: Partial<DeploymentSetState>): DeploymentSetState {
  return {
    id: d.DeploymentSetId,
    strategy: d.DeploymentStrategy,
    deployment_set_name: d.DeploymentSetName,
    description: d.DeploymentSetDescription,
    on_unable_to_redeploy_failed_instance: prior.on_unable_to_redeploy_failed_instance ?? null,
    domain: capitalized(d.Domain),
    granularity: capitalized(d.Granularity),
  };
}
