// nginx from Debian in front of the real service, with deploy/nginx's own
// configuration (ports, certificate and log paths substituted), a
// self-signed certificate, everything on 127.0.0.1 (issue 8). Checks:
//   - TLS 1.2+ only, HSTS, plain HTTP redirected;
//   - the service's own headers pass through once (no doubled CSP);
//   - nginx's own 404, 405 and 413 and Pistache's bare 413 carry the
//     security headers;
//   - the body cap: 1 MiB + 64 KiB everywhere but the upload form;
//   - no header naming the client reaches the service's answer path, and
//     nginx's logs hold no client address, user agent or forwarded value;
//   - the onion-service listener serves the same site.
//
// Usage: node nginx_front.mjs --binary <pillarbox> [--nginx /usr/sbin/nginx] [--repo <root>]
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argument, check, initInstance, startService } from '../e2e/support/service.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const binary = argument('--binary', process.env.PILLARBOX_BINARY);
const nginx = argument('--nginx', '/usr/sbin/nginx');
const repo = resolve(argument('--repo', join(here, '..', '..')));
if (!binary) throw new Error('--binary <pillarbox> is required');

function freePort() {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

// One request; resolves with { status, headers (name -> [values]), body, protocol }.
function request(url, { method = 'GET', body, headers = {}, ca, maxVersion } = {}) {
  return new Promise((done, fail) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const options = { method, headers: { ...headers }, ca, servername: 'localhost', maxVersion, agent: false };
    if (body !== undefined) options.headers['Content-Length'] = Buffer.byteLength(body);
    const req = client.request(target, options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const grouped = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i].toLowerCase();
          (grouped[name] ||= []).push(res.rawHeaders[i + 1]);
        }
        done({ status: res.statusCode, headers: grouped, body: Buffer.concat(chunks).toString('utf8'),
               protocol: res.socket.getProtocol ? res.socket.getProtocol() : '' });
      });
    });
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const kSecurityHeaders = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'cache-control',
                          'x-frame-options', 'cross-origin-opener-policy', 'cross-origin-resource-policy'];

// Every security header present exactly once.
function checkHeaders(response, where) {
  for (const name of kSecurityHeaders) {
    const values = response.headers[name] || [];
    check(values.length === 1, `${where}: ${name} once (got ${JSON.stringify(values)})`);
  }
  check(!(response.headers.server || []).some((value) => /\d/.test(value)), `${where}: no server version`);
}

function render(template, substitutions) {
  let text = template;
  for (const [from, to] of substitutions) {
    check(text.includes(from), `the configuration still contains ${from}`);
    text = text.split(from).join(to);
  }
  return text;
}

async function main() {
  const started = Date.now();
  const { dataDir, admin } = initInstance(binary);
  void admin;
  const service = await startService(binary, dataDir);
  const servicePort = new URL(service.base).port;
  const work = join(dirname(dataDir), 'nginx');  // beside the data folder; removed at the end
  for (const sub of ['', 'temp', 'logs']) mkdirSync(join(work, sub), { recursive: true });
  // nginx's workers (nobody) write request bodies under temp/: let them through.
  for (const dir of [dirname(dataDir), work]) chmodSync(dir, 0o711);
  chmodSync(join(work, 'temp'), 0o777);

  // A self-signed certificate for localhost / 127.0.0.1.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
                           '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
                           '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')], { stdio: 'ignore' });
  const ca = readFileSync(join(work, 'cert.pem'));

  const [httpPort, httpsPort, onionPort] = [await freePort(), await freePort(), await freePort()];
  const site = render(readFileSync(join(repo, 'deploy/nginx/pillarbox-site.conf'), 'utf8'), [
    ['/var/log/nginx/pillarbox-access.log', join(work, 'logs', 'access.log')],
  ]);
  writeFileSync(join(work, 'pillarbox-site.conf'), site);
  const main = render(readFileSync(join(repo, 'deploy/nginx/pillarbox.conf'), 'utf8'), [
    ['server 127.0.0.1:8080;', `server 127.0.0.1:${servicePort};`],
    ['    listen 80;\n    listen [::]:80;\n', `    listen 127.0.0.1:${httpPort};\n`],
    ['    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n', `    listen 127.0.0.1:${httpsPort} ssl http2;\n`],
    ['listen 127.0.0.1:8081;', `listen 127.0.0.1:${onionPort};`],
    ['/etc/letsencrypt/live/pillarbox.example.org/fullchain.pem', join(work, 'cert.pem')],
    ['/etc/letsencrypt/live/pillarbox.example.org/privkey.pem', join(work, 'key.pem')],
    ['include snippets/pillarbox-site.conf;', `include ${join(work, 'pillarbox-site.conf')};`],
  ]);
  writeFileSync(join(work, 'pillarbox.conf'), main);
  const temp = join(work, 'temp');
  writeFileSync(join(work, 'nginx.conf'), `daemon off;
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'logs', 'error.log')} info;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  gzip on;  # as Debian's own nginx.conf has it: the site must turn it off itself
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  include ${join(work, 'pillarbox.conf')};
}
`);
  execFileSync(nginx, ['-t', '-q', '-p', work, '-c', join(work, 'nginx.conf')], { stdio: 'inherit' });
  const proxy = spawn(nginx, ['-p', work, '-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
  const base = `https://127.0.0.1:${httpsPort}`;
  try {
    for (let tries = 0; ; tries++) {
      try {
        await request(`${base}/`, { ca });
        break;
      } catch (error) {
        if (tries > 50) throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
    const canaryAgent = 'CanaryAgent/7.7 (pillarbox-nginx-test)';
    const canaryForwarded = '198.51.100.77';
    const identifying = { 'User-Agent': canaryAgent, 'X-Forwarded-For': canaryForwarded, Referer: 'https://canary.example/' };

    // TLS: the reporter page through nginx, HSTS, the service's CSP once.
    const home = await request(`${base}/`, { ca, headers: identifying });
    check(home.status === 200 && home.body.includes('Pillarbox'), `GET / through TLS: ${home.status}`);
    check(['TLSv1.2', 'TLSv1.3'].includes(home.protocol), `TLS protocol ${home.protocol}`);
    check((home.headers['strict-transport-security'] || [''])[0].includes('max-age='), 'HSTS');
    checkHeaders(home, 'GET /');
    check(home.headers['content-security-policy'][0].includes("form-action 'self'"), 'the reporter pages keep their own CSP');
    // Only the web app's static files are compressed; never the API (BREACH).
    const script = await request(`${base}/admin/app.js`, { ca, headers: { 'Accept-Encoding': 'gzip' } });
    check(script.status === 200 && (script.headers['content-encoding'] || [''])[0] === 'gzip',
          `app.js compressed: ${script.status} ${script.headers['content-encoding']}`);
    checkHeaders(script, 'GET /admin/app.js');
    const taxonomy = await request(`${base}/api/v1/taxonomy`, { ca, headers: { 'Accept-Encoding': 'gzip' } });
    check(taxonomy.status === 200 && !taxonomy.headers['content-encoding'], 'the API is never compressed');
    const page = await request(`${base}/followup`, { ca, headers: { 'Accept-Encoding': 'gzip' } });
    check(page.status === 200 && !page.headers['content-encoding'], 'the reporter pages are never compressed');
    const app = await request(`${base}/admin`, { ca });
    check(app.status === 200, `GET /admin: ${app.status}`);
    checkHeaders(app, 'GET /admin');
    check(app.headers['content-security-policy'][0].includes("script-src 'self'"), 'the web app keeps its own CSP');
    let oldTls = 'refused';
    try {
      await request(`${base}/`, { ca, maxVersion: 'TLSv1.1' });
      oldTls = 'accepted';
    } catch { /* refused, as wanted */ }
    check(oldTls === 'refused', 'TLS 1.1 is refused');
    const plain = await request(`http://127.0.0.1:${httpPort}/followup`);
    check(plain.status === 301 && plain.headers.location[0].startsWith('https://'), `plain HTTP redirects: ${plain.status}`);

    // nginx's own errors carry the headers; the service's pass through once.
    const unknown = await request(`${base}/wp-login.php`, { ca });
    check(unknown.status === 404 && unknown.body === 'Not found.\n', `nginx 404: ${unknown.status} ${unknown.body}`);
    checkHeaders(unknown, 'nginx 404');
    const apiUnknown = await request(`${base}/api/v1/nothing-here`, { ca });
    check(apiUnknown.status === 404 && apiUnknown.body.includes('"error"'), `service 404: ${apiUnknown.status}`);
    checkHeaders(apiUnknown, 'service 404');
    const trace = await request(`${base}/`, { ca, method: 'TRACE' });
    check(trace.status === 405, `TRACE: ${trace.status}`);
    checkHeaders(trace, 'nginx 405');

    // The body cap: 2 MiB to the API is refused by nginx, 2 MiB to the
    // upload form passes to the service (which answers for itself).
    const twoMiB = 'x'.repeat(2 * 1024 * 1024);
    const tooLarge = await request(`${base}/api/v1/reports`, { ca, method: 'POST', body: twoMiB,
                                                              headers: { 'Content-Type': 'application/json' } });
    check(tooLarge.status === 413 && tooLarge.body === 'The request is too large.\n', `nginx 413: ${tooLarge.status}`);
    checkHeaders(tooLarge, 'nginx 413');
    const form = await request(`${base}/followup/files`, { ca, method: 'POST', body: twoMiB,
                                                          headers: { 'Content-Type': 'multipart/form-data; boundary=x' } });
    check(form.status !== 413 && form.status < 500, `2 MiB to the upload form reaches the service: ${form.status} ${form.body.slice(0, 200)}`);
    checkHeaders(form, 'upload form answer');
    // Over the service's own request cap (30 MiB + 64 KiB) but under the
    // form's nginx cap (31 MiB): Pistache's bare 413 gets the headers here.
    const bare = await request(`${base}/followup/files`, { ca, method: 'POST', body: 'y'.repeat(30 * 1024 * 1024 + 200 * 1024),
                                                          headers: { 'Content-Type': 'multipart/form-data; boundary=x' } });
    check(bare.status === 413, `Pistache's own 413: ${bare.status}`);
    checkHeaders(bare, "Pistache's 413");
    // The next requests are answered normally: the rest of that refused body
    // was not read as somebody's request (no connection reuse upstream).
    for (let i = 0; i < 3; i++) {
      const after = await request(`${base}/followup`, { ca });
      check(after.status === 200, `request ${i + 1} after the refused body: ${after.status} ${after.body.slice(0, 100)}`);
    }

    // The onion listener: the same site over plain HTTP on loopback.
    const onion = await request(`http://127.0.0.1:${onionPort}/followup`, { headers: identifying });
    check(onion.status === 200, `onion listener: ${onion.status} ${onion.body.slice(0, 300)}`);
    checkHeaders(onion, 'onion GET /followup');

    // The logs: lines were written, none names the client.
    await new Promise((done) => setTimeout(done, 300));
    const access = readFileSync(join(work, 'logs', 'access.log'), 'utf8');
    const errors = readFileSync(join(work, 'logs', 'error.log'), 'utf8');
    check(access.split('\n').filter(Boolean).length >= 10, `the access log has lines (${access.length} bytes)`);
    for (const [name, text] of [['access log', access], ['error log', errors]]) {
      for (const secret of ['127.0.0.1', canaryAgent, 'CanaryAgent', canaryForwarded, 'canary.example', 'client:']) {
        check(!text.includes(secret), `${name} contains ${secret}`);
      }
    }
    console.log(`nginx_front: passed in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
                `(${access.split('\n').filter(Boolean).length} access log lines, none with an address)`);
  } finally {
    proxy.kill('SIGQUIT');
    await new Promise((done) => (proxy.exitCode !== null ? done() : proxy.once('exit', done)));
    await service.stop();
    if (process.env.KEEP_NGINX_TEST) console.log(`kept ${work}`);
    else rmSync(dirname(dataDir), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`nginx_front: FAILED: ${error.stack || error}`);
  process.exit(1);
});
