import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/** Where Debian's dovecot-imapd puts the server. */
export const DOVECOT = '/usr/sbin/dovecot';

/** A dovecot IMAP server of the test's own, on a free loopback port. */
export interface TestDovecot {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, logFile: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`dovecot did not listen on ${port}: ${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts dovecot with a temporary configuration: plain IMAP on 127.0.0.1, one user from a
 * passwd-file, Maildir under a temp directory. As root, mail is owned by "nobody" and login runs
 * as dovenull; as another user, everything runs as that user.
 */
export async function startDovecot(): Promise<TestDovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'guichet-dovecot-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const uid = root ? 65534 : me.uid;
  const gid = root ? 65534 : me.gid;
  const user = 'support';
  const password = 'imap-test-password';
  for (const d of ['run', 'state', 'mail', 'home']) mkdirSync(path.join(dir, d));
  chmodSync(dir, 0o755);
  if (root) {
    chownSync(path.join(dir, 'mail'), uid, gid);
    chownSync(path.join(dir, 'home'), uid, gid);
  }
  writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const logFile = path.join(dir, 'dovecot.log');
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logFile}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${Math.min(uid, 500)}
mail_location = maildir:${dir}/mail/%u
${root ? 'default_login_user = dovenull\ndefault_internal_user = dovecot' : `default_login_user = ${me.username}\ndefault_internal_user = ${me.username}`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`;
  const configFile = path.join(dir, 'dovecot.conf');
  writeFileSync(configFile, config);
  const child = spawn(DOVECOT, ['-F', '-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForPort(port, child, logFile);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${output}`);
  }
  return {
    port,
    user,
    password,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
