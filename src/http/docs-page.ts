import type { Endpoint } from './endpoint';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

function accessText(endpoint: Endpoint): string {
  if (typeof endpoint.access === 'string')
    return {
      public: 'publik / public',
      authenticated: 'pengguna masuk / any logged-in user',
      villageNode: 'simpul desa (kredensialnya sendiri) / a village node (its own credential)',
    }[endpoint.access];
  return endpoint.access.length > 0 ? endpoint.access.join(', ') : 'belum ada / nobody yet';
}

function row(endpoint: Endpoint, base: string): string {
  const cells = [
    endpoint.method.toUpperCase(),
    `${base}${endpoint.path}`,
    endpoint.summary,
    accessText(endpoint),
    endpoint.concurrency === 'write'
      ? 'If-Match, Idempotency-Key'
      : endpoint.concurrency === 'read'
        ? 'ETag'
        : '',
  ];
  return `<tr>${cells.map((cell, index) => (index === 1 ? `<td><code>${escape(cell)}</code></td>` : `<td>${escape(cell)}</td>`)).join('')}</tr>`;
}

/** The endpoint list as one self-contained HTML page (no scripts or remote assets: it works offline). */
export function docsPage(endpoints: readonly Endpoint[], base: string): string {
  const groups = [...new Set(endpoints.map((endpoint) => endpoint.tag))];
  const sections = groups.map(
    (tag) => `<h2>${escape(tag)}</h2>
<table><thead><tr><th>metode / method</th><th>alamat / path</th><th>guna / purpose</th><th>siapa / who</th><th>konkurensi / concurrency</th></tr></thead>
<tbody>${endpoints
      .filter((endpoint) => endpoint.tag === tag)
      .map((endpoint) => row(endpoint, base))
      .join('\n')}</tbody></table>`,
  );
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Kasdesa API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}code{font-size:.9em}</style>
</head><body>
<h1>Kasdesa API v1</h1>
<p>Skema lengkap / full schema: <a href="${base}/openapi.json">${base}/openapi.json</a> (OpenAPI 3.1).
Masuk dengan <code>POST ${base}/auth/login</code>, lalu kirim <code>Authorization: Bearer &lt;token&gt;</code>.
Log in with <code>POST ${base}/auth/login</code>, then send <code>Authorization: Bearer &lt;token&gt;</code>.
Kesalahan / errors: <code>application/problem+json</code> (RFC 9457).</p>
${sections.join('\n')}
</body></html>`;
}
