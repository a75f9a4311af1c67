// What dsw top does, with the official Alibaba Cloud Node client: every page of the listing (page 1,
// then the rest 8 in flight), then GpuCoreUsage and CpuCoreUsage of the last hour for every GPU
// instance, at most C requests in flight; the average of each. A reference for dsw top's benchmark.
// Usage: node metrics.js http://127.0.0.1:PORT CONCURRENCY   (credentials as for list.js)
// Prints the number of series read.
const { listInstances, instanceMetrics } = require('./client');

async function all(tasks, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      await tasks[next++]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}

async function main() {
  const list = listInstances(process.argv[2]);
  const metrics = instanceMetrics(process.argv[2]);
  const concurrency = Number(process.argv[3] || '8');
  const page = (n) => list({ PageNumber: String(n), PageSize: '100', WorkspaceId: 'ALL', ResourceId: 'ALL', Status: 'Running' });
  const first = await page(1);
  const instances = [...first.body.Instances];
  const pages = Math.ceil(first.body.TotalCount / 100);
  await all(Array.from({ length: Math.max(0, pages - 1) }, (_, k) => async () => {
    instances.push(...(await page(k + 2)).body.Instances);
  }), 8);
  const end = new Date(Math.floor(Date.now() / 1000) * 1000);
  const start = new Date(end.getTime() - 3600 * 1000);
  const iso = (d) => d.toISOString().replace('.000Z', 'Z');
  let read = 0;
  const tasks = [];
  for (const i of instances) {
    if (Number((i.RequestedResource || {}).GPU || 0) > 0) {
      for (const type of ['GpuCoreUsage', 'CpuCoreUsage']) {
        tasks.push(async () => {
          const r = await metrics(i.InstanceId, { MetricType: type, StartTime: iso(start), EndTime: iso(end), TimeStep: '1m' });
          const points = (r.body.PodMetrics || []).flatMap((p) => p.Metrics || []);
          if (points.length) read += points.reduce((a, p) => a + p.Value, 0) / points.length >= 0 ? 1 : 0;
        });
      }
    }
  }
  await all(tasks, concurrency);
  console.log(read);
}
main().catch((e) => { console.error(e.message); process.exit(1); });
