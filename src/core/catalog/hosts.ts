/**
 * Which hosts serve the Defender for Endpoint API. A script's URL on any other host (Microsoft
 * Graph, Azure Resource Manager, Sentinel) belongs to another API whose bodies are none of ours:
 * Graph's runHuntingQuery takes a lower-case `query` that must never be "fixed".
 */
const DEFENDER_HOSTS = [
  /^api(?:-[a-z0-9]+)?\.securitycenter\.microsoft\.(?:com|us)$/,
  /^api(?:-[a-z0-9]+)?\.security\.microsoft\.(?:com|us)$/,
  /^api(?:-[a-z0-9]+)?\.securitycenter\.windows\.com$/,
  /^wdatp-alertexporter-[a-z0-9-]+\.securitycenter\.windows\.com$/,
];

/** The host of an absolute http(s) URL, lower-cased; undefined when the URL does not name one literally. */
export function literalHost(url: string): string | undefined {
  const match = /^\s*https?:\/\/([^/?#:\s{}$]+)(?::\d+)?(?=[/?#]|$)/i.exec(url);
  return match ? match[1].toLowerCase() : undefined;
}

/** False only when the URL names a host, and that host is not a Defender API host. */
export function mayBeDefenderUrl(url: string): boolean {
  if (!/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return true;
  }
  const host = literalHost(url);
  // A scheme followed by an interpolated host (`https://$apiHost/…`) may still be ours.
  return host === undefined ? !/^\s*https?:\/\/[a-z0-9.-]+(?=[/?#:]|$)/i.test(url) : DEFENDER_HOSTS.some((pattern) => pattern.test(host));
}
