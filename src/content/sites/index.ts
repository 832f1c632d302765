// Site adapters, registered from one list: adding a site is adding a file and a line.
import type { SiteAdapter } from './types';
import { xAdapter } from './x';
import { linkedinAdapter } from './linkedin';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [xAdapter, linkedinAdapter];

export function adapterFor(hostname: string): SiteAdapter | undefined {
  const host = hostname.toLowerCase();
  return SITE_ADAPTERS.find((a) =>
    a.hosts.some((p) => (p.startsWith('*.') ? host === p.slice(2) || host.endsWith(p.slice(1)) : host === p)),
  );
}
