/**
 * Runs in the page before its own scripts (page.addInitScript): wraps OpenDinar.create as the widget
 * defines it, so the test sees every onSuccess/onExit call without changing the docs' snippet.
 * Kept as a plain function: Playwright serialises it into the page.
 */
export function recordWidgetCallbacks(): void {
  type Config = { onSuccess?: (...a: unknown[]) => void; onExit?: () => void };
  type Api = { create: (c: Config) => unknown };
  const w = window as unknown as { __od: { success: unknown[][]; exit: number }; OpenDinar?: Api };
  w.__od = { success: [], exit: 0 };
  let real: Api | undefined;
  Object.defineProperty(window, 'OpenDinar', {
    configurable: true,
    get: () => real,
    set: (value: Api) => {
      real = {
        ...value,
        create: (c: Config) =>
          value.create({
            ...c,
            onSuccess: (...args: unknown[]) => {
              w.__od.success.push(args);
              c.onSuccess?.(...args);
            },
            onExit: () => {
              w.__od.exit += 1;
              c.onExit?.();
            },
          }),
      };
    },
  });
}

export interface Recorded {
  success: [string, { bank_id: string; bank_name: string; status: string }][];
  exit: number;
}
