import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.x A/AA violations axe-core finds inside the widget (it walks open shadow roots). */
export async function widgetA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Axe = {
      run(
        ctx: Element,
        opts: object,
      ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[]; passes: { id: string }[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const host = document.querySelector('opendinar-link');
    if (!host) return ['widget not open'];
    const result = await axe.run(host, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    // Guard against a vacuous pass: these rules only pass if axe really walked into the shadow root.
    // (color-contrast comes back "incomplete" over the translucent backdrop, so it cannot be required.)
    const passed = new Set(result.passes.map((p) => p.id));
    const missing = ['button-name', 'nested-interactive', 'aria-allowed-attr'].filter(
      (id) => !passed.has(id),
    );
    if (missing.length > 0) return [`axe did not check: ${missing.join(', ')}`];
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Serious and critical WCAG A/AA violations on a whole page; works under a strict CSP (evaluated, not injected). */
export async function pageA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
