// `tonelint lsp --stdio` reaches the language server; the atomic writer refuses stale writes.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/write.js';
import { bin, project, tonelint } from './helpers.js';

describe('tonelint lsp', () => {
  it('answers an LSP initialize request over stdio', async () => {
    const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: project() });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('"capabilities"')) resolve(out);
      });
      child.on('exit', () => reject(new Error(`language server exited before replying: ${out}`)));
    });
    child.kill();
    expect(reply).toMatch(/"id":1,"result":\{"capabilities"/);
  });

  it('refuses transports other than --stdio with exit 2', () => {
    const result = tonelint(['lsp', '--socket=7000'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--stdio/);
  });
});

describe('writeFileAtomic', () => {
  it('refuses to overwrite a file that changed since it was read, and leaves no temp file', async () => {
    const cwd = project({ 'memo.md': 'first\n' });
    const path = join(cwd, 'memo.md');
    const read = readFileSync(path);
    writeFileSync(path, 'edited by someone else\n');
    await expect(writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644, expected: read })).rejects.toThrow(/changed on disk/);
    expect(readFileSync(path, 'utf8')).toBe('edited by someone else\n');
    expect(readdirSync(cwd)).toEqual(['memo.md']);
  });

  it('replaces the file with the exact mode asked for', async () => {
    const cwd = project({ 'memo.md': 'first\n' });
    const path = join(cwd, 'memo.md');
    await writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o600, expected: readFileSync(path) });
    expect(readFileSync(path, 'utf8')).toBe('fixed\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
