/**
 * Shared Playwright fixture: every spec that imports `test` from here fails when the page
 *  - requests anything but this machine (issue [D]8: the lab never calls another origin), or
 *  - reports a Content Security Policy violation (issue [E]5: the app runs under its CSP).
 * Requests are watched on the whole context, so dedicated workers and the service worker count
 * too; violations are caught both as `securitypolicyviolation` events and as console messages.
 */
import { test as base, expect, type Page } from '@playwright/test';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that never leave the machine: loopback http(s)/ws(s), data: and blob:. */
export function isLocalUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    return /^(https?|wss?):$/.test(u.protocol) && LOCAL_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

export interface Guard {
  /** Requests to anywhere but this machine, as `METHOD url`. */
  foreignRequests: string[];
  /** CSP violations, as `directive blocked-uri (source:line)` or the console's text. */
  cspViolations: string[];
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context }, use) => {
      const guard: Guard = { foreignRequests: [], cspViolations: [] };
      context.on('request', (r) => {
        if (!isLocalUrl(r.url())) guard.foreignRequests.push(`${r.method()} ${r.url()}`);
      });
      context.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) guard.cspViolations.push(m.text());
      });
      await context.exposeBinding('__ssmCspViolation', (_source, text: string) => {
        guard.cspViolations.push(text);
      });
      await context.addInitScript(() => {
        const report = (window as unknown as { __ssmCspViolation: (t: string) => void })
          .__ssmCspViolation;
        document.addEventListener(
          'securitypolicyviolation',
          (e) =>
            void report(
              `${e.effectiveDirective} ${e.blockedURI || '(inline)'} (${e.sourceFile}:${e.lineNumber})`,
            ),
          true,
        );
      });
      await use(guard);
      expect(guard.foreignRequests, 'requests that left this machine').toEqual([]);
      expect(guard.cspViolations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every panel (DESIGN §7) and an element it has only once it has drawn. */
export const PANEL_DRAWN: Readonly<Record<string, string>> = {
  signal: 'path.recon',
  basis: 'path.sum',
  coefficients: 'path.traj',
  matrices: 'rect.cell',
  eigenvalues: 'path.mark',
  kernel: 'path.curve',
  frequency: 'path.response',
  equivalence: 'path.yline',
  rtf: 'path.kline',
  performance: '[data-testid="perf-backend"]',
};

/** Scrolls each panel into view in turn and waits until it has drawn. */
export async function visitAllPanels(page: Page): Promise<void> {
  for (const [id, drawn] of Object.entries(PANEL_DRAWN)) {
    const panel = page.locator(`[data-panel="${id}"]`);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.locator(drawn).first(), `${id} panel drawn`).toBeAttached();
  }
}
