import type { Page } from 'puppeteer-core';

/**
 * Wait on a search page (`?q=` given) until Pagefind has answered: its message names the
 * search, and it and the number of results have stayed the same for a moment (while
 * searching, the message names the search too, with no results yet). Gives up after
 * `tries` looks, 150 ms apart.
 */
export async function searchSettled(page: Page, query: string, tries = 100): Promise<void> {
  let last = '';
  for (let same = 0, tried = 0; same < 3 && tried < tries; tried++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await page.evaluate(
      () => `${document.querySelector('.pagefind-ui__message')?.textContent ?? ''}|${document.querySelectorAll('.pagefind-ui__result').length}`,
    );
    same = now === last && now.includes(query) ? same + 1 : 0;
    last = now;
  }
}
