// Finds the JavaScript a built index.html makes the browser fetch before first render.

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * Script URLs index.html loads initially: every `<script src>` plus `<link rel="modulepreload">`,
 * deduplicated, in document order. Example:
 * `<script type="module" src="/assets/index-a.js"></script><link rel="modulepreload" href="/assets/vendor-b.js">`
 * -> ['/assets/index-a.js', '/assets/vendor-b.js'].
 */
export function initialScriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const url = isScript
      ? attr(tag, 'src')
      : attr(tag, 'rel')?.toLowerCase() === 'modulepreload'
        ? attr(tag, 'href')
        : undefined;
    if (url !== undefined && !urls.includes(url)) urls.push(url);
  }
  return urls;
}
