import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './table.js';

/**
 * Issue 11's measure: how long from saving a page to the reload event open pages get, with
 * `briefkit dev` running on a project. Starts the preview, waits for its first build, then
 * edits `page` `times` times (a line added, then the page put back), each time timing the
 * save → `reload` event. Returns the times in ms.
 */
export async function devReloadTimes(root: string, project: string, page: string, times: number): Promise<number[]> {
  // Its problems (stderr) are not read: piped and never read, a preview with many warnings would block on a full pipe (issue 31, item 6).
  const child = spawn(process.execPath, [join(root, 'bin/briefkit.js'), 'dev', '--root', project], { stdio: ['ignore', 'pipe', 'ignore'] });
  const original = readFileSync(page);
  try {
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /Preview: (\S+)/.exec(out);
        if (found) done(found[1]!);
      });
      child.once('exit', (code) => fail(new Error(`briefkit dev exited (${code})`)));
    });
    const response = await fetch(new URL('__briefkit/events', url));
    const reader = response.body!.getReader();
    const nextReload = async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += Buffer.from(value).toString();
        if (buffer.includes('event: reload')) return;
      }
    };
    const results: number[] = [];
    for (let index = 0; index < times; index++) {
      const started = performance.now();
      const reloaded = nextReload();
      appendFileSync(page, `\nEdited by the benchmark (${index}).\n`);
      await reloaded;
      results.push(performance.now() - started);
      writeFileSync(page, original);
      await nextReload();
    }
    await reader.cancel();
    return results;
  } finally {
    writeFileSync(page, original);
    child.kill('SIGINT');
  }
}

/** One line for the report. */
export function devReloadLine(pages: number, times: readonly number[]): string {
  return (
    `briefkit dev, ${pages.toLocaleString('en-GB')} pages: save → reload event, median ${Math.round(median(times))} ms of ${times.length} edits ` +
    `(${times.map((ms) => Math.round(ms)).join(', ')} ms).`
  );
}
