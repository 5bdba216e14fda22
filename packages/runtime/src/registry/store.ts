// Changes to the config file, one at a time across processes: a change takes CONFIG.lock
// (created exclusively, holding its pid), reads the file, writes the new text to a temporary
// file beside it and renames that over the config, so a reader sees the old or the new file,
// never half of one, and two commands at once both land. A lock whose process is gone is taken over.
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseRegistryConfig, type RegistryConfig } from '../oci/registry-config.js';

/** How long a command waits for another one's lock before giving up. */
const LOCK_WAIT_MS = 30_000;

export interface ConfigChange {
  /** The new text, or undefined to leave the file as it is. */
  text?: string;
  /** What the command prints on success. */
  message: string;
}

/** The text and parsed config of the file (empty when it does not exist yet). */
export async function readConfigFile(file: string): Promise<{ text: string; config: RegistryConfig }> {
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the config ${file}: ${(err as Error).message}`);
  }
  try {
    return { text, config: parseRegistryConfig(text) };
  } catch (err) {
    throw new Error(`bad config ${file}: ${(err as Error).message}`);
  }
}

/**
 * Applies `change` to the config file under its lock. `change` gets the current text and config
 * and returns the new text; a throw leaves the file untouched. The new text must parse.
 */
export async function updateConfigFile(path: string, change: (text: string, config: RegistryConfig) => ConfigChange): Promise<string> {
  // A symlinked config (a dotfiles checkout) is changed where it lives.
  const file = await realpath(path).catch(() => path);
  await mkdir(dirname(file), { recursive: true });
  const release = await lock(`${file}.lock`);
  try {
    const { text, config } = await readConfigFile(file);
    const result = change(text, config);
    if (result.text === undefined || result.text === text) return result.message;
    try {
      parseRegistryConfig(result.text);
    } catch (err) {
      throw new Error(`the change would not leave a valid config (${(err as Error).message}); ${file} is unchanged`);
    }
    const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(result.text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const mode = await stat(file).then((s) => s.mode & 0o777, () => undefined);
      if (mode !== undefined) await chmod(temporary, mode);
      await rename(temporary, file);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
    return result.message;
  } finally {
    await release();
  }
}

async function lock(lockFile: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot lock the config (${lockFile}): ${(err as Error).message}`);
    }
    const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      // Its process died holding it; whoever removes it first takes over, the others wait on.
      await takeOver(lockFile, holder);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the config is locked by process ${holder || '?'} (${lockFile}); remove that file if no wasmcp-ts registry command is running`);
    await sleep(wait);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Renaming the stale lock away is atomic: of two processes taking it over, one renames it, the
// other finds it gone. A lock that another process took over and re-created between our read
// and our rename is put back (link never overwrites a newer one).
async function takeOver(lockFile: string, holder: number): Promise<void> {
  const stale = `${lockFile}.${process.pid}.stale`;
  try {
    await rename(lockFile, stale);
  } catch {
    return;
  }
  const content = Number(await readFile(stale, 'utf8').catch(() => ''));
  if (content !== holder) await link(stale, lockFile).catch(() => {});
  await rm(stale, { force: true });
}
