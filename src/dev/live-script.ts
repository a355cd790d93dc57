/** Where the dev server answers its own requests (no file of a site can be there: it starts with "__"). */
export const DEV_PREFIX = '/__briefkit/';

/** The tag put into every HTML page the dev server sends (never into built files). */
export const LIVE_TAG = `<script src="${DEV_PREFIX}live.js"></script>`;

/** Put the live-reload script into a page, before `</body>` (or at the end). */
export function withLiveScript(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? `${html}${LIVE_TAG}` : `${html.slice(0, at)}${LIVE_TAG}${html.slice(at)}`;
}

/**
 * The script: listens to the server's events; reloads the page after a rebuild that changed
 * it (keeping where the reader was), and shows the problems of a failed build that affect
 * it over the page until they are fixed (a missing page shows them all). A print preview
 * reloads after every rebuild (it holds other pages as chapters). Every text from the
 * project is put in with textContent, never as HTML.
 */
export const LIVE_SCRIPT = `(() => {
  const key = 'briefkit-scroll:' + location.pathname;
  const here = decodeURIComponent(location.pathname).replace(/^\\//, '').replace(/(^|\\/)$/, '$1index.html');
  const every = document.querySelector('meta[name="briefkit-missing"]') !== null;
  const preview = document.querySelector('meta[name="briefkit-pdf"]') !== null;
  const concerns = (pages) => every || pages === null || pages === undefined || pages.includes(here);
  const saved = sessionStorage.getItem(key);
  if (saved !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(saved))); }
  let shown = null;
  const el = (tag, text, style) => { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; if (style) node.style.cssText = style; return node; };
  const hide = () => { if (shown) { shown.remove(); shown = null; } };
  const show = (all) => {
    hide();
    const problems = all.filter((problem) => concerns(problem.pages));
    if (problems.length === 0) return;
    const box = el('div', undefined, 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#141414;color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem;text-align:start');
    box.id = 'briefkit-problems';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', 'Build problems');
    box.appendChild(el('h2', problems.length === 1 ? 'One problem stops the build' : problems.length + ' problems stop the build', 'margin:0 0 .5rem;font-size:1.4rem;color:#fff;font-family:inherit'));
    box.appendChild(el('p', (problems.length === 1 ? 'Fix it' : 'Fix them') + ' and save: this page reloads by itself. Until then you see the last good version.', 'margin:0 0 1.5rem;color:#ccc'));
    for (const problem of problems) {
      const item = el('section', undefined, 'margin:0 0 1.25rem;padding:0 0 0 1rem;border-left:4px solid ' + (problem.severity === 'error' ? '#ff6b6b' : '#ffd166'));
      item.appendChild(el('div', problem.where, 'font-family:monospace;color:#9cdcfe'));
      item.appendChild(el('div', problem.severity + ': ' + problem.reason, 'font-weight:600'));
      if (problem.hint) item.appendChild(el('div', '→ ' + problem.hint, 'white-space:pre-wrap;color:#ddd'));
      if (problem.line) item.appendChild(el('pre', problem.line, 'margin:.4rem 0 0;padding:.4rem .6rem;background:#000;color:#eee;overflow:auto'));
      box.appendChild(item);
    }
    const close = el('button', 'Hide', 'position:absolute;top:1rem;right:1rem;font:inherit');
    close.addEventListener('click', hide);
    box.appendChild(close);
    document.body.appendChild(box);
    shown = box;
  };
  const events = new EventSource('${DEV_PREFIX}events');
  events.addEventListener('problems', (event) => show(JSON.parse(event.data)));
  events.addEventListener('ok', hide);
  events.addEventListener('reload', (event) => {
    if (!preview && !concerns(JSON.parse(event.data).pages)) return hide();
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  });
})();
`;
