// One served build and fresh browser profiles per spec file, all closed at
// the end: every spec gets them the same way.
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { launch, openPage } from './browser.mjs';

/** Serves dist/ for the spec's tests; `fresh*` give each test its own profile. */
export function servedApp(serveOptions) {
  const contexts = [];
  const app = {
    server: null,
    /** A browser context with an empty profile of its own. */
    async freshContext(options) {
      const context = await launch(options);
      contexts.push(context);
      return context;
    },
    /** A page at `path` of the app, in a profile of its own. */
    async freshPage(path = '', options) {
      const context = await app.freshContext(options);
      return { context, ...(await openPage(context, app.server.url + path)) };
    },
  };
  before(async () => {
    app.server = await serve(serveOptions);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await app.server?.close();
  });
  return app;
}
