// The search page: Pagefind's box over the index of this edition. Opened from files on a
// disk (file://), browsers refuse to load the index, so the page says so instead.
(function () {
  var box = document.getElementById('search');
  if (!box) return;
  if (location.protocol === 'file:' || typeof PagefindUI !== 'function') {
    var offline = document.querySelector('.search-offline');
    if (offline) offline.hidden = false;
    return;
  }
  var root = new URL(box.getAttribute('data-root') || './', location.href);
  // Result counts worded to read right for every number (ui.yaml: searchResults*).
  var translations = {};
  try {
    translations = JSON.parse(box.getAttribute('data-translations') || '{}');
  } catch {
    // Not JSON: Pagefind's own English wording is used.
  }
  new PagefindUI({
    element: box,
    bundlePath: new URL(box.getAttribute('data-bundle') || 'pagefind/', location.href).pathname,
    baseUrl: root.pathname,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    translations: translations,
  });
  // Pagefind's box is named only by its placeholder and title: the page's heading names it.
  var input = box.querySelector('input');
  if (!input) return;
  input.removeAttribute('title');
  input.setAttribute('aria-labelledby', 'search-title');
  // ?q=naloxone searches at once (a link from elsewhere, or the browser's search engines).
  var query = new URLSearchParams(location.search).get('q');
  if (query) {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
})();
