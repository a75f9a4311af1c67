// The official Alibaba Cloud Node client set up as the generated pai-dsw20220101 SDK sets it up,
// for list.js and page.js. Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET.
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

// listInstances(endpointUrl) returns a function that sends one signed ListInstances GET
// (ACS3-HMAC-SHA256) with the given query and resolves to the decoded response.
function openApi(endpointUrl) {
  const url = new URL(endpointUrl);
  return new OpenApi.default(new OpenApi.Config({
    accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    endpoint: url.host,
    protocol: url.protocol.replace(':', ''),
  }));
}

function listInstances(endpointUrl) {
  const client = openApi(endpointUrl);
  const params = new OpenApi.Params({
    action: 'ListInstances', version: '2022-01-01', protocol: 'HTTPS', pathname: '/api/v2/instances',
    method: 'GET', authType: 'AK', style: 'ROA', reqBodyType: 'json', bodyType: 'json',
  });
  return (query) => client.callApi(params, new OpenApi.OpenApiRequest({ query }), new Util.RuntimeOptions({}));
}

// instanceMetrics(endpointUrl) returns a function (instanceId, query) that sends one signed
// GetInstanceMetrics GET, as the generated SDK's getInstanceMetricsWithOptions does (the ID
// percent-encoded into /api/v2/instance/{InstanceId}/metrics).
function instanceMetrics(endpointUrl) {
  const client = openApi(endpointUrl);
  return (id, query) => client.callApi(new OpenApi.Params({
    action: 'GetInstanceMetrics', version: '2022-01-01', protocol: 'HTTPS',
    pathname: `/api/v2/instance/${encodeURIComponent(id)}/metrics`,
    method: 'GET', authType: 'AK', style: 'ROA', reqBodyType: 'json', bodyType: 'json',
  }), new OpenApi.OpenApiRequest({ query }), new Util.RuntimeOptions({}));
}

module.exports = { listInstances, instanceMetrics };
