// Bundles the reviewers' web app for embedding into the pillarbox binary
// (admin-ui/CMakeLists.txt runs this at build time).
//
// Usage: node build.mjs --out <dir>
// Writes <dir>/index.html (copied), <dir>/app.js (one minified IIFE: src/main.jsx and the locked npm
// packages it imports) and <dir>/app.css (src/styles.css and the CSS files it
// imports). No source maps, no external URL: the service serves both files
// from memory under a CSP that allows scripts and styles from 'self' only.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf('--out');
const out = resolve(at >= 0 ? process.argv[at + 1] : join(here, 'dist'));

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('admin-ui: esbuild is missing: run `npm ci` in admin-ui/app (deploy/setup.sh does)');
  process.exit(1);
}

mkdirSync(out, { recursive: true });
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  target: ['chrome109', 'firefox115'],
  absWorkingDir: here,
};
await esbuild.build({
  ...common,
  entryPoints: ['src/main.jsx'],
  outfile: join(out, 'app.js'),
  format: 'iife',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
});
await esbuild.build({ ...common, entryPoints: ['src/styles.css'], outfile: join(out, 'app.css') });
