/**
 * `npm run token -- create --role secretariat|agency|committee --name "..." [--agency CODE]`
 * prints a new API token once (only its hash is stored); `list` shows tokens; `revoke ID` ends one.
 * Uses MONGODB_URI, or the embedded FerretDB of a running `npm start`.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE, loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createApiToken } from '../services/apiTokens';

const USAGE = `Usage:
  npm run token -- create --role secretariat|agency|committee --name "Phòng CCHC" [--agency CODE]
  npm run token -- list
  npm run token -- revoke <id>`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' } },
  });
  const [command, argument] = positionals;
  const config = loadConfig();
  const uri = config.MONGODB_URI ?? `mongodb://127.0.0.1:${config.MONGODB_PORT}/${DEFAULT_DATABASE}`;
  const db = await openDatabase(uri).catch((error: Error) => {
    throw new Error(`Cannot reach the database at ${uri} (${error.message}). Start the engine with \`npm start\` first, or set MONGODB_URI.`);
  });
  try {
    if (command === 'create') {
      const role = values.role;
      if (role !== 'secretariat' && role !== 'agency' && role !== 'committee') throw new Error(USAGE);
      const { token, id } = await createApiToken(db, { role, name: values.name ?? role, agencyCode: values.agency });
      process.stdout.write(`${token}\n`);
      process.stderr.write(`Token ${id.slice(0, 12)} created (${role}${values.agency ? ` ${values.agency}` : ''}). It is shown only now: keep it safe.\n`);
    } else if (command === 'list') {
      for (const token of await db.tokens.find().sort({ createdAt: 1 }).lean()) {
        process.stdout.write(
          `${token._id.slice(0, 12)}  ${token.role.padEnd(11)} ${(token.agencyCode ?? '').padEnd(8)} ${token.name}${token.revokedAt ? '  (revoked)' : ''}\n`,
        );
      }
    } else if (command === 'revoke' && argument) {
      const matches = await db.tokens.find({ _id: { $regex: `^${argument.replace(/[^0-9a-f]/g, '')}` } }).lean();
      if (matches.length !== 1) throw new Error(`${matches.length} tokens match ${argument}; give more characters of the id.`);
      await db.tokens.updateOne({ _id: matches[0]!._id }, { $set: { revokedAt: new Date() } });
      process.stdout.write(`Revoked ${matches[0]!._id.slice(0, 12)} (${matches[0]!.name}).\n`);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
