/**
 * One process, one worker: starts N workflows that sleep a day in the engine's workflow bundle and
 * prints, as JSON, the RSS and CPU the process gained per workflow. Run by workflowFootprint.ts
 * once with the engine's bundler options (shared domain modules) and once without.
 *   TEMPORAL_ADDRESS=... N=1000 SHARED=true node --import tsx bench/footprintProcess.ts
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { workflowBundlerOptions } from '../src/temporal/workflowBundle';
import { rssMiB, round } from './stats';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS!;
  const n = Number(process.env.N ?? 1000);
  const shared = process.env.SHARED === 'true';
  const taskQueue = `footprint-${shared}-${Date.now()}`;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./footprintWorkflows'),
    maxCachedWorkflows: n + 100,
    workflowThreadPoolSize: 2,
    ...(shared ? { bundlerOptions: workflowBundlerOptions } : {}),
  });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address }) });
  await pause(3_000);
  const before = rssMiB();
  const cpuBefore = process.cpuUsage();
  const wakeUp = Date.now() + 86_400_000;
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, k) =>
        client.workflow.start('timerLatenessWorkflow', { taskQueue, workflowId: `${taskQueue}-${i + k}`, args: [[wakeUp]] }),
      ),
    );
  }
  await pause(8_000);
  const cpu = process.cpuUsage(cpuBefore);
  const figure = {
    shared,
    workflows: n,
    kibPerWorkflow: Math.round(((rssMiB() - before) * 1024) / n),
    cpuMsPerWorkflow: round((cpu.user + cpu.system) / 1000 / n),
  };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  worker.shutdown();
  await running;
  await connection.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
