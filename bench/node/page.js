// Every page of a listing with the official Alibaba Cloud Node client, as dsw pages: page 1 first
// (for TotalCount), then the rest with at most C requests in flight. A reference for what a client
// that starts faster than a JVM makes of the same paging floor.
// Usage: node page.js http://127.0.0.1:PORT CONCURRENCY   (credentials as for list.js)
// Prints the number of instances read.
const { listInstances } = require('./client');

async function main() {
  const list = listInstances(process.argv[2]);
  const concurrency = Number(process.argv[3] || '8');
  const page = (n) => list({ PageNumber: String(n), PageSize: '100', WorkspaceId: 'ALL', ResourceId: 'ALL' });
  const first = await page(1);
  const pages = Math.ceil(first.body.TotalCount / 100);
  let read = first.body.Instances.length;
  let next = 2;
  const worker = async () => {
    while (next <= pages) {
      const res = await page(next++);
      read += res.body.Instances.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(0, pages - 1)) }, worker));
  console.log(read);
}
main().catch((e) => { console.error(e.message); process.exit(1); });
