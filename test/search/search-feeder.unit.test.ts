/**
 * Issue 31, item 1: a whole build gives each web page to Pagefind as soon as it is made
 * (Pagefind indexes in its own process while briefkit renders the next pages), in the order
 * made, instead of one page at a time after the whole site. Pagefind is replaced here by a
 * recorder, so what is sent, and when, is seen exactly.
 */
import { VFile } from 'vfile';
import { describe, expect, it, vi } from 'vitest';
import type { Project } from '../../src/run/types.js';
import { SearchFeeder } from '../../src/search/search-feeder.js';

/** The pages sent to Pagefind, each as `<index>: <address>` (indexes numbered as made). */
const sent: string[] = [];
let indexes = 0;
vi.mock('pagefind', () => ({
  createIndex: async () => {
    const index = ++indexes;
    return {
      errors: [],
      index: {
        addHTMLFile: async (file: { url: string }) => {
          sent.push(`${index}: ${file.url}`);
          return { errors: [] };
        },
        getFiles: async () => ({ errors: [], files: [] }),
        deleteIndex: async () => null,
      },
    };
  },
  close: async () => null,
}));

const project = {
  config: { config: { search: true }, file: new VFile({ path: 'briefkit.config.yaml' }) },
  editions: [{ prefix: 'ua/' }, { prefix: '' }],
} as unknown as Project;
const page = (path: string, indexed = true) => ({ path, content: `<main${indexed ? ' data-pagefind-body' : ''}>text</main>` });

describe('feeding Pagefind while the pages are made (issue 31)', () => {
  it('sends each indexed page as soon as the event loop runs, in the order made, each to its edition and language', async () => {
    const feeder = new SearchFeeder(project);
    feeder.add(page('en/case-studies/a/index.html'));
    feeder.add(page('en/case-studies/index.html', false));
    feeder.add({ path: 'en/case-studies/a/photo.jpg', copyFrom: '/nowhere/photo.jpg' });
    feeder.add(page('uk/case-studies/a/index.html'));
    feeder.add(page('ua/uk/case-studies/a/index.html'));
    feeder.add(page('en/case-studies/b/index.html'));
    // Pagefind is loaded (here, the recorder) and the pages go out, all before the build asks for the index.
    await vi.waitFor(() => expect(sent).toHaveLength(4), { timeout: 30_000 });
    // Sent before the build asks for the index: the pages are being indexed while the next are made.
    // One index per edition and language, each with its pages in the order they were made.
    expect([...sent].sort()).toEqual(['1: /en/case-studies/a/', '1: /en/case-studies/b/', '2: /uk/case-studies/a/', '3: /uk/case-studies/a/']);
    expect(sent.filter((line) => line.startsWith('1: '))).toEqual(['1: /en/case-studies/a/', '1: /en/case-studies/b/']);
    await feeder.finish();
    // Nothing is taken once the index is asked for.
    feeder.add(page('en/case-studies/c/index.html'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(4);
  });
});
