// Shared by the browser tests: command-line arguments, the real service
// (pillarbox init + serve on a free 127.0.0.1 port), TOTP codes, and the
// JSON API as a test client. Nothing here talks to anything but 127.0.0.1.
import { spawn, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The value after `name` on the command line, or `fallback`.
export function argument(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

// Throws "check failed: <message>" unless `condition`.
export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of a base32 secret at time step `step`.
export function totpAtStep(secretBase32, step) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(c);
    if (value < 0) throw new Error('bad base32 secret');
    bits += value.toString(2).padStart(5, '0');
  }
  const key = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', key).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const code = (digest.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return code.toString().padStart(6, '0');
}

// The TOTP code of the current 30 s step.
export function totp(secretBase32, unixSeconds = Math.floor(Date.now() / 1000)) {
  return totpAtStep(secretBase32, Math.floor(unixSeconds / 30));
}

// A code the server will accept for `account` ({ totp_secret, lastStep }):
// the server takes steps now-1..now+1, each greater than the last one used.
// This picks the current step, else the next one, never the previous one: on
// a loaded machine the sign-in (Argon2id) can take long enough for a step
// boundary to pass, and the previous step would then be two steps old.
// Waits for the next window when both are used. Records the step in
// account.lastStep.
export async function nextCode(account) {
  for (;;) {
    const now = Math.floor(Date.now() / 30000);
    for (const step of [now, now + 1]) {
      if (step > (account.lastStep || 0)) {
        account.lastStep = step;
        return totpAtStep(account.totp_secret, step);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

// `pillarbox init` in a new temporary folder. Returns { dataDir, admin }
// where admin is { username, password, totp_secret, ... } as init prints it.
export function initInstance(binary, { demo = false } = {}) {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'pillarbox-e2e-')), 'data');
  const args = ['init', '--data', dataDir, '--json'];
  if (demo) args.push('--demo');
  const init = JSON.parse(execFileSync(binary, args, { encoding: 'utf8' }));
  return { dataDir, admin: init.admin };
}

// Starts `pillarbox serve` on 127.0.0.1:0 with `extraArgs`; resolves with
// { child, base, stop() } once it listens.
export function startService(binary, dataDir, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', ...extraArgs],
                        { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('service did not start')), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        const stop = () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
        });
        resolve({ child, base: match[1], stop });
      }
    });
    child.stderr.on('data', () => {});  // the service log: route, status, latency only
    child.on('exit', (code) => reject(new Error(`service exited with ${code}`)));
  });
}

// One JSON API call: resolves with { status, json, text }.
export async function api(base, method, path, body, token) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: response.status, json, text };
}

// Signs `account` ({ username, password, totp_secret }) in through the API;
// resolves with the bearer token.
export async function apiLogin(base, account) {
  const login = await api(base, 'POST', '/api/v1/auth/login',
                          { username: account.username, password: account.password, totp: await nextCode(account) });
  check(login.status === 200, `API login of ${account.username}: ${login.status} ${login.text}`);
  return login.json.token;
}

// Creates an account with `role` through the admin's token (reviewers join
// `desks`, partners `organization_id`); resolves with its credentials
// ({ id, username, password, totp_secret, totp_uri, recovery_code, role }).
export async function createAccount(base, adminToken, { username, role, desks = [], organization_id }) {
  const body = { username, role, desks };
  if (organization_id) body.organization_id = organization_id;
  const created = await api(base, 'POST', '/api/v1/users', body, adminToken);
  check(created.status === 201, `create ${role} ${username}: ${created.status} ${created.text}`);
  return created.json;
}
