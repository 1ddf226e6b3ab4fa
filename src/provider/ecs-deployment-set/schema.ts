/**
 * Schema of `alicloud_ecs_deployment_set`: a deployment set, the placement rule (strategy) its
 * instances follow. Instances join it through `alicloud_instance.deployment_set_id`.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { DEPLOYMENT_STRATEGIES, REDEPLOY_FALLBACKS, createDeploymentSetSpec } from '../../spec/ecs/deployment-sets.js';
import { specField, stringRules } from '../common/index.js';

const param = (name: string) => specField(createDeploymentSetSpec.params, name);

export const deploymentSetSchema = defineSchema({
  description: 'An ECS deployment set: a placement strategy for the instances that join it.',
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'The deployment set id (`ds-...`).' }),
    strategy: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf(...DEPLOYMENT_STRATEGIES)],
      description:
        'How instances are placed: `Availability` spreads them over physical servers (at most 20 per zone), `AvailabilityGroup` spreads groups of them (at most 20 per group and zone), `LowLatency` keeps them close together. If not set, `Availability`.',
      meta: { ecs: 'Strategy' },
    }),
    deployment_set_name: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: stringRules(param('DeploymentSetName'), 'a letter first, then letters, digits, ":", "_" or "-"'),
      description:
        'Name of the deployment set. If not set, it has none; removing it from the configuration keeps the current name (ECS cannot clear it).',
      meta: { ecs: 'DeploymentSetName' },
    }),
    description: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: stringRules(param('Description')),
      description:
        'Description of the deployment set. Removing it from the configuration keeps the current description (ECS cannot clear it).',
      meta: { ecs: 'Description' },
    }),
    on_unable_to_redeploy_failed_instance: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.oneOf(...REDEPLOY_FALLBACKS)],
      description:
        'What ECS does when an instance failed over from a broken server cannot be placed by the strategy: `CancelMembershipAndStart` takes it out of the set and starts it, `KeepStopped` keeps it stopped until capacity returns. If not set, `CancelMembershipAndStart`. ECS does not report it back and has no call to change it, so a change replaces the set.',
      meta: { ecs: 'OnUnableToRedeployFailedInstance' },
    }),
    domain: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      deprecated: 'Field `domain` has been deprecated from provider version 1.243.0.',
      validators: [v.oneOf('Default')],
      description: 'Deployment domain; only `Default`.',
      meta: { ecs: 'Domain' },
    }),
    granularity: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      deprecated: 'Field `granularity` has been deprecated from provider version 1.243.0.',
      validators: [v.oneOf('Host')],
      description: 'Deployment granularity; only `Host`.',
      meta: { ecs: 'Granularity' },
    }),
  },
});

export type DeploymentSetState = StateOf<typeof deploymentSetSchema>;
