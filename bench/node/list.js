// One signed ListInstances GET (ACS3-HMAC-SHA256) with the official Alibaba Cloud Node client, the
// call the generated pai-dsw20220101 SDK makes. Usage: node list.js http://127.0.0.1:PORT
// Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET. Prints the instance count.
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

async function main() {
  const url = new URL(process.argv[2]);
  const client = new OpenApi.default(new OpenApi.Config({
    accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    endpoint: url.host,
    protocol: url.protocol.replace(':', ''),
  }));
  const params = new OpenApi.Params({
    action: 'ListInstances', version: '2022-01-01', protocol: 'HTTPS', pathname: '/api/v2/instances',
    method: 'GET', authType: 'AK', style: 'ROA', reqBodyType: 'json', bodyType: 'json',
  });
  const request = new OpenApi.OpenApiRequest({ query: { PageNumber: '1', PageSize: '100' } });
  const res = await client.callApi(params, request, new Util.RuntimeOptions({}));
  console.log(res.body.Instances.length);
}
main().catch((e) => { console.error(e.message); process.exit(1); });
