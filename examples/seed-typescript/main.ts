// The seed example (examples/seed/main.tf) as a CDKTF program: a VPC, a vSwitch,
// a security group and an instance built from data sources, then a custom image
// of that instance. `npm run synth` writes cdktf.out/stacks/seed/cdk.tf.json;
// terraform applies it (see README.md).
//
// Every construct keeps the HCL's logical name ("default") through
// overrideLogicalId, so Terraform addresses match the HCL example exactly.
//
// Where it runs is decided by the environment, never by the resources:
// - ALICLOUD_EMULATOR_ENDPOINT=127.0.0.1:9786 points the provider at the local
//   ECS emulator (plain HTTP, every API on that one host:port);
// - otherwise the provider block is empty and the provider reads the real
//   cloud's region and keys from ALICLOUD_REGION / ALICLOUD_ACCESS_KEY /
//   ALICLOUD_SECRET_KEY at plan time (they are never written into cdk.tf.json).
import { App, TerraformOutput, TerraformStack, Token, propertyAccess } from 'cdktf';
import type { Construct } from 'constructs';
import { DataAlicloudImages } from './.gen/providers/alicloud/data-alicloud-images/index.js';
import { DataAlicloudInstanceTypes } from './.gen/providers/alicloud/data-alicloud-instance-types/index.js';
import { DataAlicloudResourceManagerResourceGroups } from './.gen/providers/alicloud/data-alicloud-resource-manager-resource-groups/index.js';
import { DataAlicloudZones } from './.gen/providers/alicloud/data-alicloud-zones/index.js';
import { Image } from './.gen/providers/alicloud/image/index.js';
import { Instance } from './.gen/providers/alicloud/instance/index.js';
import { AlicloudProvider, type AlicloudProviderConfig } from './.gen/providers/alicloud/provider/index.js';
import { SecurityGroup } from './.gen/providers/alicloud/security-group/index.js';
import { Vpc } from './.gen/providers/alicloud/vpc/index.js';
import { Vswitch } from './.gen/providers/alicloud/vswitch/index.js';

/** Provider arguments: the emulator's endpoint when ALICLOUD_EMULATOR_ENDPOINT is set, nothing otherwise. */
function providerConfig(env: NodeJS.ProcessEnv): AlicloudProviderConfig {
  const endpoint = env.ALICLOUD_EMULATOR_ENDPOINT?.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  if (!endpoint) return {};
  return { protocol: 'HTTP', endpoints: [{ ecs: endpoint, vpc: endpoint, resourcemanager: endpoint }] };
}

class SeedStack extends TerraformStack {
  constructor(scope: Construct, name: string) {
    super(scope, name);
    // No backend block: the state is terraform.tfstate beside cdk.tf.json (Terraform's default local
    // state) rather than CDKTF's default path; add a backend of your own for real use.
    this.addOverride('terraform.backend', undefined);
    new AlicloudProvider(this, 'alicloud', providerConfig(process.env));

    const vpc = new Vpc(this, 'default', {
      cidrBlock: '172.17.3.0/24',
      vpcName: 'terraform-example',
    });

    const images = new DataAlicloudImages(this, 'default_1', {
      nameRegex: '^ubuntu_[0-9]+_[0-9]+_x64*',
      owners: 'system',
    });
    images.overrideLogicalId('default');

    const instanceTypes = new DataAlicloudInstanceTypes(this, 'default_2', {
      instanceTypeFamily: 'ecs.sn1ne',
    });
    instanceTypes.overrideLogicalId('default');

    const resourceGroups = new DataAlicloudResourceManagerResourceGroups(this, 'default_3');
    resourceGroups.overrideLogicalId('default');

    const zones = new DataAlicloudZones(this, 'default_4', {
      availableResourceCreation: 'Instance',
    });
    zones.overrideLogicalId('default');

    const securityGroup = new SecurityGroup(this, 'default_5', {
      name: 'terraform-example',
      vpcId: vpc.id,
    });
    securityGroup.overrideLogicalId('default');

    const vswitch = new Vswitch(this, 'default_6', {
      cidrBlock: '172.17.3.0/24',
      vpcId: vpc.id,
      vswitchName: 'terraform-example',
      zoneId: zones.zones.get(0).id,
    });
    vswitch.overrideLogicalId('default');

    const instance = new Instance(this, 'default_7', {
      availabilityZone: zones.zones.get(0).id,
      imageId: Token.asString(propertyAccess(images.ids, [0])),
      instanceName: 'terraform-example',
      instanceType: Token.asString(propertyAccess(instanceTypes.ids, [0])),
      internetMaxBandwidthOut: 10,
      securityGroups: [securityGroup.id],
      vswitchId: vswitch.id,
    });
    instance.overrideLogicalId('default');

    const image = new Image(this, 'default_8', {
      architecture: 'x86_64',
      description: 'terraform-example',
      imageName: 'terraform-example',
      instanceId: instance.id,
      platform: 'CentOS',
      resourceGroupId: Token.asString(propertyAccess(resourceGroups.ids, [0])),
      tags: {
        FinanceDept: 'FinanceDeptJoshua',
      },
    });
    image.overrideLogicalId('default');

    new TerraformOutput(this, 'image_id', { value: image.id });
    new TerraformOutput(this, 'image_status', { value: image.status });
  }
}

const app = new App();
new SeedStack(app, 'seed');
app.synth();
