import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { createApiToken, createUser, findUserByEmail, listUsers, ROLES, SYSTEM } from '../content/index.js';
import type { Role } from '../db/schema.js';
import type { Db } from '../db/database.js';
import { createServices } from '../services.js';

async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const services = await createServices({ ...config, demo: false });
  try {
    return await fn(services.db);
  } finally {
    await services.stop();
  }
}

/** A password from --password, else typed at a terminal (twice, not echoed), else the first line of standard input. */
async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return '';
  }
  const ask = async (prompt: string) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write.call(rl, s.startsWith(prompt) ? prompt : '');
    const answer = await rl.question(prompt);
    rl.close();
    process.stdout.write('\n');
    return answer;
  };
  const first = await ask('Password: ');
  if ((await ask('Again: ')) !== first) throw new Error('the two passwords differ');
  return first;
}

/** `newsdesk user add|list` and `newsdesk token create`. */
export function userCommands(program: Command, config: () => Config): void {
  const user = program.command('user').description('manage back-office accounts');
  user
    .command('add')
    .description('create an account (the first administrator, or anyone later)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')} (admin = administrator)`)
    .option('--name <name>', 'name shown in the back office and on bylines (default: the part before @)')
    .option('--password <password>', 'password (default: asked at the terminal, or read from standard input)')
    .action(async (opts: { email: string; role: string; name?: string; password?: string }) => {
      const role = opts.role as Role;
      if (!ROLES.includes(role))
        throw new Error(`--role must be one of ${ROLES.join(', ')}, got "${opts.role}"`);
      const password = await readPassword(opts.password);
      const created = await withDb(config(), (db) =>
        createUser(
          db,
          SYSTEM,
          { email: opts.email, role, name: opts.name ?? opts.email.split('@')[0], password },
          new Date(),
        ),
      );
      console.log(`created ${created.role} ${created.email} (id ${created.id}); sign in at /admin/login`);
    });
  user
    .command('list')
    .description('list accounts')
    .action(async () => {
      const users = await withDb(config(), listUsers);
      for (const u of users)
        console.log(`${u.id}\t${u.role}\t${u.email}\t${u.name}${u.disabled ? '\t(disabled)' : ''}`);
    });

  program
    .command('token')
    .description('API tokens for integrations')
    .command('create')
    .description('create an API token acting as an existing user; printed once')
    .requiredOption('--email <email>', 'the user the token acts as (its role decides what it may do)')
    .requiredOption('--name <name>', 'what the token is for, e.g. "wire importer"')
    .action(async (opts: { email: string; name: string }) => {
      const token = await withDb(config(), async (db) => {
        const found = await findUserByEmail(db, opts.email);
        if (!found) throw new Error(`there is no user ${opts.email}: create one with "newsdesk user add"`);
        return createApiToken(db, found.id, opts.name, new Date());
      });
      console.log(token);
      console.error(
        'Keep this token secret: it is shown only now. Send it as "Authorization: Bearer <token>".',
      );
    });
}
