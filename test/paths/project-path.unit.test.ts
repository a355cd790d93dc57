/**
 * Issue 28, item 6: file paths are handled by `node:path` and shown with `/` on every
 * platform. These run the helpers with `path.win32` (drive letters, UNC shares, another
 * drive) and `path.posix`, so a Windows path is checked on any machine.
 */
import { posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isInside, shownPath, toProjectPath } from '../../src/paths/project-path.js';
import { relativeUrl, webAddress } from '../../src/paths/urls.js';

const KIT = 'C:\\Users\\ana\\kit';
const SHARE = '\\\\server\\share\\kit';

describe('toProjectPath', () => {
  it('gives a Windows path inside the project with / between its parts', () => {
    expect(toProjectPath(KIT, 'C:\\Users\\ana\\kit\\briefings\\case-studies\\a.md', win32)).toBe('briefings/case-studies/a.md');
    expect(toProjectPath(KIT, KIT, win32)).toBe('');
    // Windows compares paths without regard to case, as its file systems do.
    expect(toProjectPath(KIT, 'c:\\users\\ana\\KIT\\briefings\\a.md', win32)).toBe('briefings/a.md');
    expect(toProjectPath(KIT, 'C:/Users/ana/kit/briefings/a.md', win32)).toBe('briefings/a.md');
  });

  it('gives a path on a UNC share with /', () => {
    expect(toProjectPath(SHARE, '\\\\server\\share\\kit\\translations\\uk\\a.po', win32)).toBe('translations/uk/a.po');
    expect(toProjectPath(SHARE, '\\\\server\\other\\kit\\a.md', win32)).toBeUndefined();
  });

  it('gives nothing for a path above the project or on another drive', () => {
    expect(toProjectPath(KIT, 'C:\\Users\\ana', win32)).toBeUndefined();
    expect(toProjectPath(KIT, 'C:\\Users\\ana\\other\\a.md', win32)).toBeUndefined();
    expect(toProjectPath(KIT, 'D:\\Users\\ana\\kit\\a.md', win32)).toBeUndefined();
  });

  it('keeps a folder whose name starts with two dots inside the project', () => {
    expect(toProjectPath(KIT, 'C:\\Users\\ana\\kit\\..drafts\\a.md', win32)).toBe('..drafts/a.md');
    expect(toProjectPath('/kit', '/kit/..drafts/a.md', posix)).toBe('..drafts/a.md');
  });

  it('keeps a backslash in a POSIX file name, where it is a character and not a separator', () => {
    expect(toProjectPath('/kit', '/kit/briefings/a\\b.md', posix)).toBe('briefings/a\\b.md');
  });
});

describe('isInside', () => {
  it('follows Windows rules: drives, shares, case', () => {
    expect(isInside(KIT, 'C:\\Users\\ana\\kit\\dist', win32)).toBe(true);
    expect(isInside(KIT, 'C:\\USERS\\ANA\\KIT', win32)).toBe(true);
    expect(isInside(KIT, 'C:\\Users\\ana\\kitchen', win32)).toBe(false);
    expect(isInside(KIT, 'D:\\Users\\ana\\kit', win32)).toBe(false);
    expect(isInside('C:\\', 'C:\\kit', win32)).toBe(true);
    expect(isInside(SHARE, '\\\\server\\share\\kit\\dist', win32)).toBe(true);
    expect(isInside(SHARE, '\\\\server\\share\\kit2', win32)).toBe(false);
  });

  it('takes the root of the file system as a folder like any other', () => {
    expect(isInside('/', '/srv/site/index.html', posix)).toBe(true);
    expect(isInside('/srv/site', '/srv/site-old/index.html', posix)).toBe(false);
  });
});

describe('shownPath', () => {
  it('shows a Windows path relative to the folder, with /', () => {
    expect(shownPath(KIT, 'C:\\Users\\ana\\kit\\briefings\\case-studies\\a.md', win32)).toBe('briefings/case-studies/a.md');
    expect(shownPath(KIT, KIT, win32)).toBe('.');
    expect(shownPath(KIT, 'C:\\Users\\ana\\other\\a.md', win32)).toBe('../other/a.md');
    expect(shownPath(SHARE, '\\\\server\\share\\kit\\dist\\en\\index.html', win32)).toBe('dist/en/index.html');
  });

  it('shows the whole path when no relative one leads there (another drive)', () => {
    expect(shownPath(KIT, 'D:\\kit\\briefings\\a.md', win32)).toBe('D:\\kit\\briefings\\a.md');
  });
});

describe('addresses made from Windows paths', () => {
  it('turns a file of the output into web addresses with /, each part percent-encoded', () => {
    const key = toProjectPath('C:\\kit\\dist', 'C:\\kit\\dist\\en\\case studies\\a\\index.html', win32)!;
    expect(webAddress('https://example.org/kit/', key)).toBe('https://example.org/kit/en/case%20studies/a/index.html');
    expect(relativeUrl(key, 'en/about/index.html')).toBe('../../about/index.html');
  });

  it('makes file: URLs with pathToFileURL, never by "file://" + path', () => {
    expect(pathToFileURL('C:\\Users\\ana\\kit\\dist\\en\\a b#1.html', { windows: true }).href).toBe('file:///C:/Users/ana/kit/dist/en/a%20b%231.html');
    expect(pathToFileURL('\\\\server\\share\\kit\\dist\\index.html', { windows: true }).href).toBe('file://server/share/kit/dist/index.html');
  });
});
