/** `data "alicloud_account"`: the id of the account the provider's credentials act in (STS GetCallerIdentity). */
import { attr, defineDataSource, defineSchema } from '../../framework/index.js';
import { callerAccountId, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt } from '../common/index.js';

export const accountSchema = defineSchema({
  description: 'The current account: the one the provider credentials (or the assumed role) act in.',
  attributes: {
    id: attr.string({ computed: true, description: 'The account id (a string of digits).' }),
  },
});

export const accountDataSource = defineDataSource<typeof accountSchema, AlibabaCloudClient>({
  typeName: 'alicloud_account',
  schema: accountSchema,
  docs: {
    subcategory: 'RAM',
    availableSince: '1.0.0',
    productDocs: {
      title: 'GetCallerIdentity',
      url: 'https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-getcalleridentity',
    },
    example: `data "alicloud_account" "current" {}

output "current_account_id" {
  value = data.alicloud_account.current.id
}
`,
  },
  async read({ client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_account' }, async () => ({ id: await callerAccountId(client, { signal }) }));
  },
});
