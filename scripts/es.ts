// `npm run es:start | es:stop` (and `tsx scripts/es.ts status`): a local Elasticsearch for development.
import { Command, InvalidArgumentError } from 'commander';
import {
  clusterStatus,
  clusterUrl,
  devCluster,
  devClusters,
  startCluster,
  stopCluster,
} from '../tooling/elasticsearch/cluster.ts';
import { ELASTICSEARCH_VERSION } from '../tooling/elasticsearch/distribution.ts';

function nodeCount(value: string): number {
  const nodes = Number(value);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 9) {
    throw new InvalidArgumentError('expected a number of nodes between 1 and 9');
  }
  return nodes;
}

const log = (message: string) => console.log(message);
const program = new Command('es').description(
  `Local Elasticsearch ${ELASTICSEARCH_VERSION} (data and logs under .cache/elasticsearch/clusters/)`,
);

program
  .command('start')
  .description('start a cluster on 127.0.0.1:9200… and wait until it is green')
  .option('--nodes <n>', 'number of nodes (ports 9200+i, transport 9300+i)', nodeCount, 1)
  .action(async ({ nodes }: { nodes: number }) => {
    const startedAt = Date.now();
    const cluster = await startCluster(devCluster(nodes), log);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(
      cluster.alreadyRunning
        ? `Elasticsearch ${cluster.version} is already running on ${cluster.url} (${nodes} node(s))`
        : `Elasticsearch ${cluster.version} is green on ${cluster.url} with ${nodes} node(s) after ${seconds} s`,
    );
  });

program
  .command('stop')
  .description('stop the local cluster(s)')
  .action(async () => {
    let stopped = 0;
    for (const spec of await devClusters()) stopped += await stopCluster(spec);
    console.log(
      stopped ? `Stopped ${stopped} Elasticsearch node(s)` : 'No local Elasticsearch was running',
    );
  });

program
  .command('status')
  .description('show which local nodes are running')
  .action(async () => {
    const specs = await devClusters();
    let any = false;
    for (const spec of specs) {
      for (const node of await clusterStatus(spec)) {
        if (!node.running) continue;
        any = true;
        const port = new URL(clusterUrl(spec)).port;
        console.log(`${spec.name} ${node.node} pid ${node.pid} (cluster on port ${port})`);
      }
    }
    if (!any) console.log('No local Elasticsearch is running');
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`es: ${(error as Error).message}`);
  process.exitCode = 1;
}
