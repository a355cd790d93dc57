/** Helpers for tests of `briefkit dev` (issue 11): its event stream, and waiting for something to happen. */

/** The events the server sends, as they come. */
export function listen(url: string): { events: { event: string; data: string }[]; stop: () => void } {
  const events: { event: string; data: string }[] = [];
  const controller = new AbortController();
  void fetch(new URL('/__briefkit/events', url), { signal: controller.signal })
    .then(async (response) => {
      const reader = response.body!.getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += Buffer.from(value).toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          events.push({ event: /^event: (.*)$/m.exec(block)?.[1] ?? '', data: /^data: (.*)$/m.exec(block)?.[1] ?? '' });
        }
      }
    })
    .catch(() => undefined);
  return { events, stop: () => controller.abort() };
}

/**
 * Wait until `check` holds, polling; fail after `ms`. The default is generous: it ends as soon as
 * the check holds, and a rebuild on a loaded machine may take many seconds.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
