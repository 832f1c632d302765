// The default covered sites, grouped the way a practice thinks of them. The manifest's
// content_scripts.matches and host_permissions must list exactly these patterns; a unit test
// (test/unit/manifest.test.ts) keeps the two in step.

export type SiteCategoryId = 'ads' | 'social' | 'reviews' | 'email_crm' | 'scheduling' | 'demo';

export interface SiteCategory {
  id: SiteCategoryId;
  /** i18n message name of the category's label */
  label: string;
  /** Hostnames; a leading "*." also covers the bare domain and every subdomain. */
  hosts: string[];
}

export const SITE_CATEGORIES: readonly SiteCategory[] = [
  {
    id: 'ads',
    label: 'siteCategoryAds',
    hosts: [
      '*.facebook.com', // business.facebook.com, adsmanager.facebook.com: Custom Audiences
      'ads.google.com',
      'ads.tiktok.com',
      'ads.snapchat.com',
      'ads.pinterest.com',
      'ads.x.com',
      'ads.microsoft.com',
      'ads.nextdoor.com',
      'ads.reddit.com',
    ],
  },
  {
    id: 'social',
    label: 'siteCategorySocial',
    hosts: [
      '*.instagram.com',
      '*.linkedin.com',
      'x.com',
      'twitter.com',
      '*.threads.com',
      '*.threads.net',
      '*.tiktok.com',
      '*.reddit.com',
      'bsky.app',
      '*.nextdoor.com',
      '*.pinterest.com',
      'studio.youtube.com',
    ],
  },
  {
    id: 'reviews',
    label: 'siteCategoryReviews',
    hosts: [
      'business.google.com',
      '*.yelp.com',
      '*.psychologytoday.com',
      '*.healthgrades.com',
      '*.zocdoc.com',
      '*.trustpilot.com',
    ],
  },
  {
    id: 'email_crm',
    label: 'siteCategoryEmailCrm',
    hosts: [
      '*.mailchimp.com',
      '*.constantcontact.com',
      'app.hubspot.com',
      'app.brevo.com',
      '*.klaviyo.com',
      'app.kit.com',
      '*.activehosted.com',
    ],
  },
  {
    id: 'scheduling',
    label: 'siteCategoryScheduling',
    hosts: ['*.hootsuite.com', '*.buffer.com', '*.later.com', 'app.sproutsocial.com', '*.planoly.com'],
  },
  {
    // The bundled demo site (npm run demo). ".invalid" is reserved (RFC 2606) and never
    // resolves on the internet, so covering it costs nothing outside the demo.
    id: 'demo',
    label: 'siteCategoryDemo',
    hosts: ['clientguard-demo.invalid'],
  },
];

/** Manifest match pattern for a catalogue host. */
export function hostToMatchPattern(host: string): string {
  return `https://${host}/*`;
}

export function defaultMatchPatterns(): string[] {
  return SITE_CATEGORIES.flatMap((c) => c.hosts.map(hostToMatchPattern));
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith('*.')) {
    const bare = pattern.slice(2);
    return hostname === bare || hostname.endsWith(`.${bare}`);
  }
  return hostname === pattern;
}

/** The catalogue category covering a hostname, if any. */
export function categoryOfHost(hostname: string): SiteCategory | undefined {
  const host = hostname.toLowerCase();
  return SITE_CATEGORIES.find((c) => c.hosts.some((p) => hostMatches(p, host)));
}

export interface CoverageSettings {
  disabledCategories: readonly SiteCategoryId[];
  disabledSites: readonly string[];
  addedSites: readonly string[];
}

/**
 * Whether ClientGuard acts on a page at `url` under these settings. Added sites are origins
 * ("https://crm.example.com"); disabled sites are hostnames and beat everything else.
 */
export function isCovered(url: string, settings: CoverageSettings): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (settings.disabledSites.some((s) => hostMatches(s.toLowerCase(), host))) return false;
  if (settings.addedSites.some((origin) => sameOrigin(origin, parsed))) return true;
  const category = categoryOfHost(host);
  return category !== undefined && !settings.disabledCategories.includes(category.id);
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    const o = new URL(origin);
    if (o.protocol !== url.protocol) return false;
    if (o.hostname.startsWith('*.')) return hostMatches(o.hostname, url.hostname);
    return o.host === url.host;
  } catch {
    return false;
  }
}
