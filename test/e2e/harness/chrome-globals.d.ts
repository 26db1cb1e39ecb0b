/** The few `chrome.*` calls the tests make inside the extension's service worker (page.evaluate bodies). */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
  runtime: { id: string };
};
