import { randomUUID } from 'node:crypto';
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR, type NewUser } from '../access/access-service';
import { generatePassword } from '../access/passwords';
import { ROLES, type Role } from '../access/roles';
import { withConfiguredStore } from './open-access';

interface UserOptions {
  username: string;
  displayName: string;
  password?: string;
}

async function addUser(role: Role, scope: string | undefined, options: UserOptions): Promise<void> {
  await withConfiguredStore(async (_store, access) => {
    const password = options.password ?? generatePassword();
    const user: NewUser = {
      username: options.username,
      displayName: options.displayName,
      role,
      scope: scope ?? access.regencyCode,
      password,
    };
    const outcome = await access.registerUser(SYSTEM_ACTOR, `cli:${randomUUID()}`, user);
    const userId = (outcome.events[0]?.data as { userId?: string } | undefined)?.userId;
    console.log(
      `Pengguna dibuat / user created: ${user.username} (${role}, ${user.scope}, id ${userId})`,
    );
    if (!options.password) console.log(`Kata sandi / password: ${password}`);
  });
}

function userOptions(command: Command): Command {
  return command
    .requiredOption('--username <name>', 'nama pengguna / username (3–40: a-z 0-9 . _ -)')
    .requiredOption('--display-name <name>', 'nama tampilan / display name')
    .option(
      '--password <password>',
      'kata sandi (bawaan: dibuat dan dicetak) / password (default: generated and printed)',
    );
}

/** `kasdesa create-admin` and `kasdesa add-user`: users written to the access stream as the system actor. */
export function registerUserCommands(program: Command): void {
  userOptions(
    program
      .command('create-admin')
      .description(
        'Buat administrator untuk seluruh kabupaten / create an administrator for the whole regency',
      ),
  ).action((options: UserOptions) => addUser('administrator', undefined, options));

  userOptions(program.command('add-user').description('Tambah pengguna / add a user'))
    .addOption(new Option('--role <role>', 'peran / role').choices(ROLES).makeOptionMandatory())
    .requiredOption(
      '--scope <code>',
      'kode wilayah: kabupaten, kecamatan atau desa / region code: regency, district or village',
    )
    .action((options: UserOptions & { role: Role; scope: string }) =>
      addUser(options.role, options.scope, options),
    );
}
