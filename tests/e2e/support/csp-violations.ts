import type { BrowserContext } from '@playwright/test';

/**
 * Collects every Content-Security-Policy violation in a browser context's pages: the browser's own console
 * report ("Refused to …") and the DOM's securitypolicyviolation event, which also catches report-only cases.
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  context.on('page', (page) => {
    page.on('console', (message) => {
      const text = message.text();
      if (/CSP violation|Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)) violations.push(`${page.url()}: ${text}`);
    });
  });
  return violations;
}
