import { spawn } from 'node:child_process';

/** The command that opens an address in the default browser on this platform. */
export function openerFor(platform: NodeJS.Platform, url: string): { readonly command: string; readonly args: readonly string[] } {
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  return { command: 'xdg-open', args: [url] };
}

/** Open the address in the default browser; false if that could not be started. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const { command, args } = openerFor(platform, url);
  return new Promise((done) => {
    const child = spawn(command, [...args], { stdio: 'ignore', detached: true, windowsVerbatimArguments: platform === 'win32' });
    child.once('error', () => done(false));
    child.once('spawn', () => {
      child.unref();
      done(true);
    });
  });
}
