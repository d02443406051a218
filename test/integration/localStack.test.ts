import net from 'node:net';
import { loadConfig } from '../../src/config';
import { startLocalStack } from '../../src/stack/localStack';
import { freePorts } from '../../src/stack/ports';
import { StackStartError } from '../../src/stack/service';
import { processesMentioning } from '../helpers/engineProcess';
import { freshDir } from '../helpers/testRoot';

describe('the local stack', () => {
  it('explains a port already in use and leaves nothing running', async () => {
    const blocker = net.createServer();
    const [busyPort, temporalPort, temporalUiPort, smtpPort, mailpitUiPort] = (await freePorts(5)) as number[];
    await new Promise<void>((resolve) => blocker.listen(busyPort, '127.0.0.1', resolve));
    const dataDir = freshDir('busy');
    const config = loadConfig({
      DATA_DIR: dataDir,
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(temporalUiPort),
      MONGODB_PORT: String(busyPort),
      SMTP_PORT: String(smtpPort),
      MAILPIT_UI_PORT: String(mailpitUiPort),
    });
    try {
      const attempt = startLocalStack(config, () => undefined);
      await expect(attempt).rejects.toBeInstanceOf(StackStartError);
      await expect(attempt).rejects.toThrow(`port ${busyPort} is already in use by another program`);
      await expect(attempt).rejects.toThrow('MONGODB_PORT');
      // The Temporal dev server it had already started was stopped again.
      expect(processesMentioning(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('spawns nothing for services given by env var', async () => {
    const dataDir = freshDir('external');
    const config = loadConfig({
      DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: 'temporal.example:7233',
      MONGODB_URI: 'mongodb://mongo.example:27017/engine',
      SMTP_URL: 'smtp://relay.example:25',
    });
    const stack = await startLocalStack(config, () => undefined);
    expect(stack).toMatchObject({
      temporalAddress: 'temporal.example:7233',
      mongoUri: 'mongodb://mongo.example:27017/engine',
      smtpUrl: 'smtp://relay.example:25',
      usesDataFolder: false,
    });
    expect([stack.temporalUiUrl, stack.mailpitUiUrl]).toEqual([undefined, undefined]);
    expect(processesMentioning(dataDir)).toEqual([]);
    await stack.stop();
  });
});
