/**
 * The `alicloud` provider: its block (`config.ts`), the client it builds, and the registry of
 * resources and data sources. Add a resource or data source with one line in the lists below:
 * the served type list, the docs pages, the example files and the CDKTF bindings all derive
 * from them (see docs/contributing.md).
 */
import { defineProvider, type DataSource, type Resource } from '../framework/index.js';
import { AlibabaCloudClient } from '../ecs/index.js';
import { providerSchema, resolveProviderConfig, type ProviderClient, type ProviderConfig } from './config.js';
import { obtainCredentials } from './credentials.js';
import { imageResource } from './image/resource.js';
import { imageCopyResource } from './image-copy/resource.js';
import { imageSharePermissionResource } from './image-share-permission/resource.js';
import { vpcResource } from './vpc/resource.js';
import { vswitchResource } from './vswitch/resource.js';
import { securityGroupResource } from './security-group/resource.js';
import { securityGroupRuleResource } from './security-group-rule/resource.js';
import { instanceResource } from './instance/resource.js';
import { ecsKeyPairResource, keyPairLegacyResource } from './key-pair/resource.js';
import { deploymentSetResource } from './ecs-deployment-set/resource.js';
import { hpcClusterResource } from './ecs-hpc-cluster/resource.js';
import { ecsSnapshotResource, legacySnapshotResource } from './ecs-snapshot/resource.js';
import { ecsDiskResource, legacyDiskResource } from './ecs-disk/resource.js';
import { ecsDiskAttachmentResource, legacyDiskAttachmentResource } from './ecs-disk-attachment/resource.js';
import { zonesDataSource } from './data-zones/data-source.js';
import { instanceTypesDataSource } from './data-instance-types/data-source.js';
import { imagesDataSource } from './data-images/data-source.js';
import { resourceGroupsDataSource } from './data-resource-groups/data-source.js';
import { instancesDataSource } from './data-instances/data-source.js';
import { ecsKeyPairsDataSource, keyPairsLegacyDataSource } from './data-key-pairs/data-source.js';
import { vpcsDataSource } from './data-vpcs/data-source.js';
import { vswitchesDataSource } from './data-vswitches/data-source.js';
import { securityGroupsDataSource } from './data-security-groups/data-source.js';
import { ramRoleResource } from './ram-role/resource.js';
import { accountDataSource } from './data-account/data-source.js';
import { imageImportResource } from './image-import/resource.js';
import { imageExportResource } from './image-export/resource.js';

/** The client every resource and data source of this provider receives (with the `features` switches). */
export type { ProviderClient } from './config.js';

/** Managed resources, one line each (each declares its type name, schema and docs). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource has its own schema type
const resources: readonly Resource<any, ProviderClient>[] = [
  imageResource,
  vpcResource,
  vswitchResource,
  securityGroupResource,
  securityGroupRuleResource,
  instanceResource,
  ecsKeyPairResource,
  keyPairLegacyResource,
  deploymentSetResource,
  hpcClusterResource,
  ecsSnapshotResource,
  legacySnapshotResource,
  ecsDiskResource,
  legacyDiskResource,
  ecsDiskAttachmentResource,
  legacyDiskAttachmentResource,
  ramRoleResource,
  imageImportResource,
  imageExportResource,
  imageCopyResource,
  imageSharePermissionResource,
];

/** Data sources, one line each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each data source has its own schema type
const dataSources: readonly DataSource<any, ProviderClient>[] = [
  zonesDataSource,
  instanceTypesDataSource,
  imagesDataSource,
  resourceGroupsDataSource,
  instancesDataSource,
  ecsKeyPairsDataSource,
  keyPairsLegacyDataSource,
  vpcsDataSource,
  vswitchesDataSource,
  securityGroupsDataSource,
  accountDataSource,
];

/** True when any leaf of a plain value is unknown (`undefined`). */
function hasUnknown(x: unknown): boolean {
  if (x === undefined) return true;
  if (Array.isArray(x)) return x.some(hasUnknown);
  if (x !== null && typeof x === 'object') return Object.values(x).some(hasUnknown);
  return false;
}

export const alicloudProvider = defineProvider({
  typeNamePrefix: 'alicloud',
  schema: providerSchema,
  resources,
  dataSources,
  async configure({ config, diags, log }) {
    // Arguments depending on resources not yet created: defer (resources then report it).
    if (hasUnknown(config)) return undefined;
    const resolved = resolveProviderConfig(config as ProviderConfig, { env: process.env });
    if ('problems' in resolved) {
      for (const p of resolved.problems) {
        if (p.attribute) diags.addAttributeError([{ attribute: p.attribute }], p.summary, p.detail);
        else diags.addError(p.summary, p.detail);
      }
      return undefined;
    }
    log.debug('alicloud provider configured', {
      region: resolved.options.region,
      credentials: resolved.credentialSource,
      endpoints: resolved.options.endpoints,
      features: resolved.features,
    });
    let options = resolved.options;
    if (!options.accessKeyId) {
      const credentials = await obtainCredentials(resolved.credentials, { ...options, logger: log }, log);
      if ('summary' in credentials) {
        diags.addAttributeError([{ attribute: credentials.attribute! }], credentials.summary, credentials.detail);
        return undefined;
      }
      options = { ...options, credentials };
    }
    // Settings ride on the client: it is the one value the framework hands to every resource call.
    const client: ProviderClient = Object.assign(new AlibabaCloudClient({ ...options, logger: log }), {
      features: resolved.features,
    });
    return client;
  },
});
