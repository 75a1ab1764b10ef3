/**
 * index.html carries the lab's strict Content Security Policy (issue [E]5). `vite dev` cannot
 * run under it: React Refresh installs itself with an inline <script>, CSS arrives as inline
 * <style> elements, and hot-module reload talks over a WebSocket. This dev-only plugin serves
 * index.html with exactly those three allowances added; `vite build` and `vite preview` keep the
 * strict policy.
 */
import type { Plugin } from 'vite';

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

export function relaxForDev(policy: string): string {
  const add: Record<string, string> = {
    'script-src': "'unsafe-inline'",
    'style-src': "'unsafe-inline'",
    'connect-src': 'ws://127.0.0.1:* ws://localhost:*',
  };
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const name = d.split(/\s+/)[0] ?? '';
      return name in add ? `${d} ${add[name]}` : d;
    })
    .join('; ');
}

export function devCsp(): Plugin {
  return {
    name: 'ssm-lab:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!META.test(html)) throw new Error('index.html lost its Content-Security-Policy meta');
      return html.replace(META, (_, open: string, policy: string, close: string) => {
        return `${open}${relaxForDev(policy)}${close}`;
      });
    },
  };
}
