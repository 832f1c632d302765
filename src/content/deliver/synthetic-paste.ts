// Firefox ignores `clipboardData` in the ClipboardEvent constructor: the replayed event arrives
// with an empty DataTransfer (shared/design/engineering-notes.md; seen again in Firefox ESR 153).
// An editor that handles paste itself (Lexical, ProseMirror) would cancel that empty event and
// insert nothing, so there the replay must go straight to the browser's own insertion, which
// such editors take through beforeinput. Detected once, by what the browser does rather than
// by its user agent.
let carriesData: boolean | null = null;

export function syntheticPasteCarriesData(): boolean {
  if (carriesData === null) {
    try {
      const probe = new DataTransfer();
      probe.setData('text/plain', 'clientguard');
      carriesData = new ClipboardEvent('paste', { clipboardData: probe }).clipboardData?.getData('text/plain') === 'clientguard';
    } catch {
      carriesData = false;
    }
  }
  return carriesData;
}
