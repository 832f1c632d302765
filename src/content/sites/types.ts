// A site adapter says where a site's composer and its send button are, for sites whose
// markup the generic rules do not read well. One file per site, listed in ./index.ts.
export interface SiteAdapter {
  /** Hostnames this adapter applies to ("*." prefix covers subdomains). */
  hosts: string[];
  /** Selector matching the site's post/send/publish buttons. */
  sendButton: string;
  /** Given the send button, the editor whose text it would send. */
  composerFor?(button: Element): Element | null;
}
