/**
 * `briefkit build --help` names the keys `--json` prints, as vfile-reporter-json writes them
 * (it said "rule, severity and hint", which are not its keys; the generated CLI reference
 * copied it). The keys themselves are checked against a real build in test/readme.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { BUILD_HELP } from '../../src/commands/build.js';

describe('briefkit build --help', () => {
  it('names the keys of --json as they are written', () => {
    const json = BUILD_HELP.slice(BUILD_HELP.indexOf('\n  --json '), BUILD_HELP.indexOf('\n  --no-cache '));
    for (const key of ['path', 'messages', 'line', 'column', 'reason', 'ruleId', 'fatal', 'note']) expect(json).toContain(`"${key}"`);
    expect(json).not.toMatch(/severity|hint/);
  });
});
