/**
 * `npm start` as a user runs it: the embedded stack comes up, /health says so, SIGTERM stops
 * everything, and a start after a crash (SIGKILL) cleans up what the dead run left.
 */
import { isListening } from '../../src/stack/ports';
import { allocatePorts, EngineProcess, processesMentioning, type EngineProcessPorts } from '../helpers/engineProcess';
import { freshDir } from '../helpers/testRoot';

async function expectNothingLeft(dataDir: string, ports: EngineProcessPorts) {
  // Zombies have an empty cmdline, so only live processes count here.
  expect(processesMentioning(dataDir)).toEqual([]);
  for (const port of Object.values(ports)) expect(await isListening(port)).toBe(false);
}

describe('npm start', () => {
  it('serves /health with all dependencies up, and SIGTERM leaves no process or port behind', async () => {
    const dataDir = freshDir('start');
    const ports = await allocatePorts();
    const engine = EngineProcess.launch(dataDir, ports);
    await engine.waitUntilRunning();
    expect(engine.output).toContain(`http://127.0.0.1:${ports.PORT}/api/v1`);
    expect(engine.output).toContain(`Temporal UI:  http://127.0.0.1:${ports.TEMPORAL_UI_PORT}`);
    expect(engine.output).toContain(`Mailpit UI:   http://127.0.0.1:${ports.MAILPIT_UI_PORT}`);

    const health = await fetch(`http://127.0.0.1:${ports.PORT}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('up');
    const temporalUi = await fetch(`http://127.0.0.1:${ports.TEMPORAL_UI_PORT}/`);
    expect(temporalUi.status).toBe(200);

    engine.child.kill('SIGTERM');
    expect(await engine.exited).toBe(0);
    await expectNothingLeft(dataDir, ports);
  });

  it('recovers after a crash: the next start stops the leftovers and comes up on the same data', async () => {
    const dataDir = freshDir('crash');
    const ports = await allocatePorts();
    const first = EngineProcess.launch(dataDir, ports);
    await first.waitUntilRunning();
    first.child.kill('SIGKILL');
    await first.exited;
    // The servers it started outlive it: that is the crash to recover from.
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);

    const second = EngineProcess.launch(dataDir, ports);
    await second.waitUntilRunning();
    expect(second.output).toContain('stopping a leftover process from a previous run');
    expect((await fetch(`http://127.0.0.1:${ports.PORT}/health`)).status).toBe(200);

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    await expectNothingLeft(dataDir, ports);
  });

  it('on an empty database loads the directory and launches the default campaign, once', async () => {
    const dataDir = freshDir('defaults');
    const ports = await allocatePorts();
    const first = EngineProcess.launch(dataDir, ports, { LOAD_DEFAULTS: 'true' });
    await first.waitUntilRunning();
    expect(first.output).toMatch(/loaded \d+ agencies from defaults\/agencies-hcmc-2021.yaml/);
    expect(first.output).toMatch(/launched the default campaign cchc-2021: \d+ assignments/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // A second start on the same data: nothing loaded or launched again.
    const second = EngineProcess.launch(dataDir, ports, { LOAD_DEFAULTS: 'true' });
    await second.waitUntilRunning();
    expect(second.output).not.toContain('loaded ');
    expect(second.output).not.toContain('launched the default campaign');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start a second engine on a data folder in use, and says which process holds it', async () => {
    const dataDir = freshDir('twice');
    const ports = await allocatePorts();
    const first = EngineProcess.launch(dataDir, ports);
    await first.waitUntilRunning();

    const second = EngineProcess.launch(dataDir, await allocatePorts());
    expect(await second.exited).toBe(1);
    expect(second.output).toContain(`Another engine (pid ${first.child.pid}) is already running`);
    expect((await fetch(`http://127.0.0.1:${ports.PORT}/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
