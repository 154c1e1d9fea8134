// Fixes never lose data: the node layer's writeFileAtomic (what `--fix` calls) on real files in
// a temp directory. Temp file + rename in the same directory, mode bits kept, the original
// untouched when the write fails or the file changed on disk after it was read.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { writeFileAtomic } from '../../src/node/write.js';
import { decodeText, encodeText } from '../../src/node/read.js';

const probe = fileURLToPath(new URL('../fixtures/safety/write-probe.mjs', import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tonelint-write-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const original = 'We will cut 40 heads.\n'.repeat(200); // 4.4 KB: over a 1 KB `ulimit -f`

/** Runs the write probe in a shell whose file-size limit is `blocks` KB, so writing fails with EFBIG. */
function probeUnderLimit(path: string, text: string, blocks: number, flag?: string): { ok: boolean; code?: string; message?: string } {
  const out = execFileSync('bash', ['-c', `ulimit -f ${blocks}; exec "${process.execPath}" "$@"`, 'probe', probe, path, text, ...(flag ? [flag] : [])], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/**
 * Runs the test under a 022 umask. A worker thread (StrykerJS runs vitest in threads) cannot set
 * the umask: there the inherited one must already strip group and other write bits, or the test
 * fails instead of passing on modes the umask never touched.
 */
function useUmask022(): void {
  try {
    const previous = process.umask(0o022);
    onTestFinished(() => void process.umask(previous));
  } catch {
    const inherited = process.umask();
    if ((inherited & 0o022) !== 0o022) throw new Error(`cannot set the umask in a worker thread, and the inherited ${inherited.toString(8)} keeps 0o022's bits`);
  }
}

describe('writeFileAtomic', () => {
  it('replaces the file through a rename: new inode, no temp file left behind', async () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, original);
    const before = statSync(path);
    await writeFileAtomic(path, Buffer.from('fixed\n'), { mode: before.mode & 0o7777, expected: Buffer.from(original) });
    expect(readFileSync(path, 'utf8')).toBe('fixed\n');
    expect(statSync(path).ino).not.toBe(before.ino);
    expect(readdirSync(dir)).toEqual(['memo.md']);
  });

  // 0o664 and 0o666 have bits a 022 umask strips from a new file: only an explicit chmod keeps
  // them. The umask is set here, not inherited: under a 002 umask a write without chmod keeps 0664.
  it.each([0o600, 0o640, 0o644, 0o664, 0o666, 0o755, 0o775, 0o444, 0o2750].map((mode) => [mode.toString(8), mode]))('keeps mode %s under umask 022', async (_, mode) => {
    useUmask022();
    const path = join(dir, 'memo.md');
    writeFileSync(path, original);
    chmodSync(path, mode);
    const bits = statSync(path).mode & 0o7777;
    await writeFileAtomic(path, Buffer.from('fixed\n'), { mode: bits, expected: Buffer.from(original) });
    expect((statSync(path).mode & 0o7777).toString(8)).toBe(bits.toString(8));
  });

  it('writes through a symlink and keeps the link a link', async () => {
    const target = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(target, original);
    symlinkSync('real.md', link);
    await writeFileAtomic(link, Buffer.from('fixed\n'), { mode: 0o644, expected: Buffer.from(original) });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.md');
    expect(readFileSync(target, 'utf8')).toBe('fixed\n');
  });

  it('does not overwrite a file changed on disk after it was read, and says so', async () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, original);
    const result = probeUnderLimit(path, 'fixed\n', 1 << 20, '--change-before-write');
    expect(result).toMatchObject({ ok: false, code: 'InputUnreadable' });
    expect(result.message).toMatch(/changed on disk/);
    expect(readFileSync(path, 'utf8')).toBe(`${original}edited meanwhile\n`);
    expect(readdirSync(dir)).toEqual(['memo.md']);
  });

  it('does not recreate a file deleted after it was read', async () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, original);
    rmSync(path);
    const error = await writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644, expected: Buffer.from(original) }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(readdirSync(dir)).toEqual([]);
    // A TonelintError (one clear line in the CLI), not a raw ENOENT from realpath.
    expect(error).toMatchObject({ name: 'TonelintError', code: expect.stringMatching(/^Input/) });
  });

  // Runs as root here, where chmod 555 does not stop writes; a file-size limit (`ulimit -f`)
  // makes the temp-file write fail with EFBIG for root and everyone else alike.
  it('leaves the original byte-for-byte untouched and no temp file when the write fails (EFBIG)', () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, original);
    const big = 'fixed '.repeat(1000);
    const result = probeUnderLimit(path, big, 1);
    expect(result).toMatchObject({ ok: false, code: 'InputUnreadable' });
    expect(result.message).toMatch(/could not write the fix/);
    expect(readFileSync(path, 'utf8')).toBe(original);
    expect(readdirSync(dir)).toEqual(['memo.md']);
  });

  it.skipIf(process.getuid?.() === 0)('leaves the original untouched in a read-only directory (skipped as root, where chmod does not stop writes; the EFBIG case above covers root)', async () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, original);
    chmodSync(dir, 0o555);
    await expect(writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644, expected: Buffer.from(original) })).rejects.toMatchObject({ code: 'InputUnreadable' });
    expect(readFileSync(path, 'utf8')).toBe(original);
    expect(readdirSync(dir)).toEqual(['memo.md']);
  });
});

describe('encodeText(decodeText(bytes)) round-trips what --fix writes back', () => {
  it.each([
    ['UTF-8', Buffer.from('We cut 40 heads.\n', 'utf8')],
    ['UTF-8 with BOM', Buffer.from('\ufeffWe cut 40 heads.\r\n', 'utf8')],
    ['CRLF, no final newline', Buffer.from('a\r\nb\r\nWe cut 40 heads.', 'utf8')],
    ['lone CR line ends', Buffer.from('a\rb\rWe cut 40 heads.\r', 'utf8')],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('We cut 40 heads 😱.\r\n', 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('We cut 40 heads 😱.\n', 'utf16le').swap16()])],
    ['a second BOM inside the text', Buffer.from('\ufeffa\ufeffb\n', 'utf8')],
  ])('%s', (_name, bytes) => {
    const decoded = decodeText(bytes);
    expect(encodeText(decoded.text, decoded.encoding, decoded.bom).equals(bytes)).toBe(true);
  });
});
