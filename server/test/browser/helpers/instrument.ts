/**
 * Runs in the page before its own scripts (page.addInitScript): wraps OpenDinar.create as the widget
 * defines it, so the test sees every onSuccess/onExit call without changing the docs' snippet.
 * Kept as a plain function: Playwright serialises it into the page.
 */
export function recordWidgetCallbacks(): void {
  type Config = { onSuccess?: (...a: unknown[]) => void; onExit?: (...a: unknown[]) => void };
  type Api = { create: (c: Config) => unknown };
  const w = window as unknown as {
    __od: { success: unknown[][]; exit: number; exitErrors: unknown[] };
    OpenDinar?: Api;
  };
  w.__od = { success: [], exit: 0, exitErrors: [] };
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
            onExit: (...args: unknown[]) => {
              w.__od.exit += 1;
              w.__od.exitErrors.push(args[0] ?? null);
              c.onExit?.(...args);
            },
          }),
      };
    },
  });
}

export interface Recorded {
  success: [string, { bank_id: string; bank_name: string; status: string }][];
  exit: number;
  /** The argument of each onExit call (null: closed by the user without an error). */
  exitErrors: Array<{ error_code: string; error_message: string; display_message: string } | null>;
}
