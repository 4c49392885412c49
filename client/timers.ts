/**
 * The client's only use of global timers: the default `sleep` (engines may inject their own, as n8n does with
 * n8n-workflow's) and the deadline that bounds every request. The deadline needs a timer it can cancel, because an
 * injected `sleep` cannot be cancelled and would keep a finished script alive until the timeout passed.
 */

export const sleepWithTimer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Deadline {
  /** Rejects with the error from `onExpiry` once `ms` have passed. */
  expired: Promise<never>;
  cancel(): void;
}

export function startDeadline(ms: number, onExpiry: () => Error): Deadline {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onExpiry()), ms);
  });
  return { expired, cancel: () => clearTimeout(timer) };
}
