/**
 * Process entry of `terraform-provider-alicloud` (what Terraform launches through
 * bin/terraform-provider-alicloud). The handshake line is printed first; the provider code
 * (schemas, ECS client) loads on the first RPC so start-up stays fast.
 */
import { serve } from '../tfplugin/serve.js';

await serve(async () => {
  const [{ createProviderServer }, { alicloudProvider }] = await Promise.all([
    import('../framework/index.js'),
    import('../provider/provider.js'),
  ]);
  return createProviderServer(alicloudProvider);
});
