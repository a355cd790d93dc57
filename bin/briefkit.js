#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm run prepare`, which npm runs on install).
const explain = await import('../lib/fs/explain-error.js').catch(() => undefined);
const cli = await import('../lib/cli.js').catch((reason) => {
  const line =
    explain?.explainError(reason, process.cwd()) ??
    `briefkit: cannot load its compiled code (${String(reason?.message ?? reason).split('\n')[0]}); run "npm install" (or "npm run prepare") in the briefkit folder.`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});

// Anything that escapes main() (a stray rejection in a library) is still one line, not a stack.
const crash = (reason) => {
  process.stderr.write(`${cli.failureMessage(reason, process.cwd())}\n`);
  process.exit(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.exitCode = await cli.main(process.argv.slice(2));
