/**
 * Issue 8, class 7: the output swap is atomic and single-writer. One build at a time
 * writes into an output folder; a build killed at any instant leaves the old or the new
 * site (repaired by the next run if it was SIGKILLed between the renames); what dead
 * builds leave beside the output is cleaned; `--country` keeps the other editions.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockedMessage, lockOutput } from '../../src/fs/output-lock.js';
import { buildProject, caseStudy, listTree, makeProject, readText, temporaryDir } from '../helpers/project.js';
import { briefkit as cli } from '../helpers/cli.js';

const briefkit = (args: string[], env: Record<string, string> = {}) => cli(args, { env });

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const sleepers: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const sleeper of sleepers) sleeper.kill();
});
/** The id of a process that runs until the tests end. */
function livePid(): number {
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
  sleepers.push(sleeper);
  return sleeper.pid!;
}

/** The names beside the output folder that a build uses while it works. */
async function besideOutput(out: string): Promise<string[]> {
  return (await readdir(dirname(out))).filter((name) => name.startsWith('dist.briefkit-')).sort();
}

async function siteProject(title = 'First version') {
  return makeProject({ 'briefings/case-studies/a.md': caseStudy({ title }) });
}

describe('one build at a time per output folder', () => {
  it('refuses a second build into the same folder while one runs, and the output is one whole site', async () => {
    const root = await siteProject();
    const [first, second] = await Promise.all([buildProject(root), buildProject(root)]);
    expect([first.written, second.written].sort()).toEqual([false, true]);
    const refused = first.written ? second : first;
    expect(refused.report).toMatch(
      /error {2}Another briefkit build \(pid \d+, started \d{4}-\d\d-\d\dT[\d:.]+Z\) is writing .*dist; wait for it to finish {2}output-locked/,
    );
    expect(await listTree(join(root, 'dist'))).toContain('en/case-studies/a/index.html');
    expect(await besideOutput(join(root, 'dist'))).toEqual([]);
  });

  it('says who holds the lock, keeps the previous site, and takes over the lock of a build that died', async () => {
    const root = await siteProject();
    expect((await buildProject(root)).written).toBe(true);
    const before = await readText(root, 'dist/en/case-studies/a/index.html');
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Second version' }));
    const lock = join(root, 'dist.briefkit-lock');
    const pid = livePid();
    await writeFile(lock, JSON.stringify({ pid, host: hostname(), started: '2026-01-02T03:04:05.000Z' }));
    const refused = await briefkit(['build', '--no-pdf', '--root', root]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `Another briefkit build (pid ${pid}, started 2026-01-02T03:04:05.000Z) is writing ${join(root, 'dist')}; wait for it to finish`,
    );
    expect(refused.stderr).toContain(`If no briefkit build is running, delete ${lock}`);
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toBe(before);
    expect(existsSync(lock)).toBe(true);

    await writeFile(lock, JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-01-02T03:04:05.000Z' }));
    const taken = await briefkit(['build', '--no-pdf', '--root', root]);
    expect(taken.code).toBe(0);
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('Second version');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('locks the pid cannot vouch for', () => {
  const lockOf = (pid: number, host: string) => JSON.stringify({ pid, host, started: '2026-01-02T03:04:05.000Z' });

  it('a fresh lock of another machine stands; one not kept fresh for minutes is taken over', async () => {
    const out = join(await temporaryDir(), 'dist');
    await writeFile(`${out}.briefkit-lock`, lockOf(4242, 'build-server-2'));
    const refused = await lockOutput(out);
    expect('owner' in refused && lockedMessage(out, refused.owner)).toBe(
      `Another briefkit build (pid 4242 on build-server-2, started 2026-01-02T03:04:05.000Z) is writing ${out}; wait for it to finish`,
    );
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(`${out}.briefkit-lock`, old, old);
    const taken = await lockOutput(out);
    expect('release' in taken).toBe(true);
    if ('release' in taken) await taken.release();
    expect(existsSync(`${out}.briefkit-lock`)).toBe(false);
  });

  it('a lock with our own pid that we do not hold (a restarted container) is taken over', async () => {
    const out = join(await temporaryDir(), 'dist');
    await writeFile(`${out}.briefkit-lock`, lockOf(process.pid, hostname()));
    const taken = await lockOutput(out);
    expect('release' in taken).toBe(true);
    const second = await lockOutput(out);
    expect('owner' in second).toBe(true);
    if ('release' in taken) await taken.release();
  });
});

describe('a build killed at any instant', () => {
  it('leaves the new site in place when SIGTERM arrives between the two renames', async () => {
    const root = await siteProject();
    expect((await briefkit(['build', '--no-pdf', '--root', root])).code).toBe(0);
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Second version' }));
    const killed = await briefkit(['build', '--no-pdf', '--root', root], { BRIEFKIT_TEST_SIGNAL_IN_SWAP: 'SIGTERM' });
    expect(killed.code).toBe(143);
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('Second version');
    expect(await besideOutput(join(root, 'dist'))).toEqual([]);
  });

  it('is repaired by the next run when SIGKILL struck between the two renames, even a run that writes nothing', async () => {
    const root = await siteProject();
    expect((await briefkit(['build', '--no-pdf', '--root', root])).code).toBe(0);
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Second version' }));
    const killed = await briefkit(['build', '--no-pdf', '--root', root], { BRIEFKIT_TEST_SIGNAL_IN_SWAP: 'SIGKILL' });
    expect(killed.signal).toBe('SIGKILL');
    // What SIGKILL leaves: no output folder, the old site aside, the complete new one beside it.
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(await besideOutput(join(root, 'dist'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^dist\.briefkit-new-\d+$/), expect.stringMatching(/^dist\.briefkit-old-\d+$/)]),
    );

    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Third', date: '2023-13-45' }));
    const next = await briefkit(['build', '--no-pdf', '--root', root]);
    expect(next.code).toBe(1);
    expect(next.stderr).toContain('Nothing was written');
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('Second version');
    expect(await besideOutput(join(root, 'dist'))).toEqual([]);
  });

  it('puts the previous site back when a killed build left only it (no complete new one)', async () => {
    const root = await siteProject();
    expect((await buildProject(root)).written).toBe(true);
    const dead = deadPid();
    await rename(join(root, 'dist'), join(root, `dist.briefkit-old-${dead}`));
    await mkdir(join(root, `dist.briefkit-tmp-${dead}/en`), { recursive: true });
    await writeFile(join(root, `dist.briefkit-tmp-${dead}/en/half.html`), '<p>half');
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ date: '2023-13-45' }));
    expect((await buildProject(root)).written).toBe(false);
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('First version');
    expect(await listTree(join(root, 'dist'))).not.toContain('en/half.html');
    expect(await besideOutput(join(root, 'dist'))).toEqual([]);
  });
});

describe('leftovers beside the output folder', () => {
  it('removes those of builds that died and leaves those of running builds alone', async () => {
    const root = await siteProject();
    expect((await buildProject(root)).written).toBe(true);
    const dead = deadPid();
    const live = livePid();
    for (const name of [`dist.briefkit-tmp-${dead}`, `dist.briefkit-old-${dead}`, `dist.briefkit-new-${dead}`, `dist.briefkit-tmp-${live}`]) {
      await cp(join(root, 'dist'), join(root, name), { recursive: true });
    }
    expect((await buildProject(root)).written).toBe(true);
    expect(await besideOutput(join(root, 'dist'))).toEqual([`dist.briefkit-tmp-${live}`]);
    expect(await listTree(join(root, 'dist'))).toContain('en/case-studies/a/index.html');
  });
});

describe('editions in one output folder', () => {
  const profile = (number: string) => `name: Ukraine\nlanguages: [uk, en]\nvariables:\n  emergency_number: "${number}"\n`;
  const project = () =>
    makeProject({
      'briefkit.config.yaml': 'variables:\n  emergency_number: your local emergency number\n',
      'briefings/guide/index.md': '---\ntitle: Guide\n---\n\nCall {{emergency_number}}.\n',
      'countries/ua.yaml': profile('103'),
      'countries/ca.yaml': 'name: Canada\nlanguages: [en]\nvariables:\n  emergency_number: "911"\n',
    });

  it('--country ua after --all-countries updates dist/ua/ and keeps the international and Canadian editions', async () => {
    const root = await project();
    expect((await buildProject(root, { allCountries: true })).written).toBe(true);
    const international = await readText(root, 'dist/en/guide/index.html');
    const canada = await readText(root, 'dist/ca/en/guide/index.html');
    const entry = await readText(root, 'dist/index.html');
    await writeFile(join(root, 'countries/ua.yaml'), profile('104'));
    const result = await buildProject(root, { country: 'ua' });
    expect(result.report).toBe('');
    expect(result.written).toBe(true);
    expect(await readText(root, 'dist/ua/en/guide/index.html')).toContain('Call 104.');
    expect(await readText(root, 'dist/ua/uk/guide/index.html')).toContain('104');
    expect(await readText(root, 'dist/en/guide/index.html')).toBe(international);
    expect(await readText(root, 'dist/ca/en/guide/index.html')).toBe(canada);
    expect(await readText(root, 'dist/index.html')).toBe(entry);
    // And the international edition alone keeps the countries' folders.
    expect((await buildProject(root)).written).toBe(true);
    expect(await readText(root, 'dist/ua/en/guide/index.html')).toContain('Call 104.');
    expect(await readText(root, 'dist/ca/en/guide/index.html')).toBe(canada);
  });

  it('--country ua into a new folder, or over its own edition, writes it at the root as before', async () => {
    const root = await project();
    expect((await buildProject(root, { country: 'ua' })).written).toBe(true);
    expect(await readText(root, 'dist/en/guide/index.html')).toContain('Call 103.');
    await writeFile(join(root, 'countries/ua.yaml'), profile('104'));
    expect((await buildProject(root, { country: 'ua' })).written).toBe(true);
    expect(await readText(root, 'dist/en/guide/index.html')).toContain('Call 104.');
    expect(existsSync(join(root, 'dist/ua'))).toBe(false);
  });

  it('--country ua next to a plain build goes into dist/ua/, leaving the international edition', async () => {
    const root = await project();
    expect((await buildProject(root)).written).toBe(true);
    expect((await buildProject(root, { country: 'ua' })).written).toBe(true);
    expect(await readText(root, 'dist/en/guide/index.html')).toContain('Call your local emergency number.');
    expect(await readText(root, 'dist/ua/en/guide/index.html')).toContain('Call 103.');
    expect(await readFile(join(root, 'dist/ua/.briefkit-output'), 'utf8')).toContain('edition: ua');
  });
});

describe('a country whose code is a language folder of the output', () => {
  it('is refused rather than replacing that language', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, ar]\n',
      'briefings/case-studies/a.md': caseStudy(),
      'countries/ar.yaml': 'name: Argentina\nlanguages: [en]\n',
    });
    expect((await buildProject(root)).written).toBe(true);
    const arabic = await readText(root, 'dist/ar/case-studies/a/index.html');
    const result = await buildProject(root, { country: 'ar' });
    expect(result.written).toBe(false);
    expect(result.report).toContain('countries/ar.yaml');
    expect(result.report).toMatch(
      /The Argentina edition would go into .*dist\/ar\/, which this output folder already uses for something else {2}edition-folder/,
    );
    expect(await readText(root, 'dist/ar/case-studies/a/index.html')).toBe(arabic);
  });
});

describe('the temporary folder', () => {
  it('is not left behind in a fresh output parent', async () => {
    const out = join(await temporaryDir(), 'dist');
    const root = await siteProject();
    expect((await buildProject(root, { out })).written).toBe(true);
    expect(await besideOutput(out)).toEqual([]);
  });
});
