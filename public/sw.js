// Coplanifier's service worker: the one piece of JavaScript the platform
// requires. It keeps the app shell so that a second visit works offline.
// - Pages go to the network first, so a new build reaches people on their
//   next visit; the cached page is used only when the network fails.
// - The build's files have content hashes in their names: once fetched they
//   never change, so they are served from the cache.
// Charter content never passes through here: it lives in localStorage and in
// URL fragments, which are not part of any request.
const CACHE = 'coplanifier-shell-v1';

async function precacheShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put('./', page);
  const assets = new Set();
  // Every file the page names: links, scripts, the JS import and the wasm.
  for (const m of html.matchAll(/(?:href=|src=|from\s*|module_or_path:\s*)['"]([^'"#]+)['"]/g)) {
    if (!/^(?:[a-z]+:|\/\/)/i.test(m[1])) assets.add(m[1]);
  }
  await Promise.all([...assets].map((a) => cache.add(a).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put('./', copy));
          }
          return response;
        })
        .catch(() => caches.match('./').then((hit) => hit || Response.error())),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
