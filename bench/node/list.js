// One signed ListInstances GET (ACS3-HMAC-SHA256) with the official Alibaba Cloud Node client, the
// call the generated pai-dsw20220101 SDK makes. Usage: node list.js http://127.0.0.1:PORT
// Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET. Prints the instance count.
const { listInstances } = require('./client');

async function main() {
  const res = await listInstances(process.argv[2])({ PageNumber: '1', PageSize: '100' });
  console.log(res.body.Instances.length);
}
main().catch((e) => { console.error(e.message); process.exit(1); });
