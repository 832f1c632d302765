// An in-memory stand-in for the parts of webextension-polyfill the warnings store and badge
// use. Storage answers asynchronously (like the real one), so interleaved messages can race.
type Listener = (...args: never[]) => unknown;

function event() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l) >>> 0, 1),
    hasListener: (l: Listener) => listeners.includes(l),
  };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export interface FakePort {
  name: string;
  sender: unknown;
  onMessage: ReturnType<typeof event>;
  onDisconnect: ReturnType<typeof event>;
  disconnect: () => void;
}

export function createFakeBrowser() {
  const data = new Map<string, unknown>();
  const onChanged = event();
  const openTabs = new Map<number, { windowId: number; active: boolean }>();
  const badge = { text: '', color: '', title: '' };
  /** Answer to a warning/ping per tab; undefined = no listener (rejects). */
  const pingAnswers = new Map<number, { showing: boolean }>();

  const browser = {
    runtime: {
      id: 'clientguard-test',
      getURL: (p: string) => `chrome-extension://clientguard-test/${p}`,
      onMessage: event(),
      onConnect: event(),
    },
    storage: {
      onChanged,
      local: {
        async get(keys?: string | string[]) {
          await tick();
          const wanted = keys === undefined ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
          const out: Record<string, unknown> = {};
          for (const k of wanted) if (data.has(k)) out[k] = structuredClone(data.get(k));
          return out;
        },
        async set(items: Record<string, unknown>) {
          await tick();
          const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
          for (const [k, v] of Object.entries(items)) {
            changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
            data.set(k, structuredClone(v));
          }
          for (const l of onChanged.listeners) (l as (c: unknown, a: string) => void)(changes, 'local');
        },
      },
    },
    tabs: {
      async get(id: number) {
        const tab = openTabs.get(id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        return { id, ...tab };
      },
      async update(id: number, props: { active?: boolean }) {
        const tab = openTabs.get(id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        if (props.active) for (const [tid, t] of openTabs) t.active = tid === id;
        return { id, ...tab };
      },
      async sendMessage(id: number) {
        const answer = pingAnswers.get(id);
        if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
        return answer;
      },
    },
    windows: {
      focused: [] as number[],
      async update(id: number) {
        browser.windows.focused.push(id);
        return { id };
      },
    },
    action: {
      async setBadgeText({ text }: { text: string }) {
        badge.text = text;
      },
      async setBadgeBackgroundColor({ color }: { color: string }) {
        badge.color = color;
      },
      async setTitle({ title }: { title: string }) {
        badge.title = title;
      },
    },
    i18n: {
      getMessage: (name: string, subs?: string | string[]) => `${name}${subs === undefined ? '' : `(${[subs].flat().join(',')})`}`,
    },
  };

  const contentSender = (tabId: number, url = 'https://business.facebook.com/adsmanager/audiences', frameId = 0) => ({
    id: browser.runtime.id,
    url,
    frameId,
    tab: { id: tabId, url, windowId: 1 },
  });
  const uiSender = { id: browser.runtime.id, url: browser.runtime.getURL('src/popup/index.html') };

  /** Delivers a message the way the browser does: to every onMessage listener, first answer wins. */
  async function send(type: string, payload: unknown, sender: unknown): Promise<unknown> {
    for (const l of browser.runtime.onMessage.listeners) {
      const answer = (l as (m: unknown, s: unknown) => unknown)({ type, payload }, sender);
      if (answer !== undefined) return answer;
    }
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }

  function connect(name: string, sender: unknown): FakePort {
    const port: FakePort = { name, sender, onMessage: event(), onDisconnect: event(), disconnect: () => undefined };
    for (const l of browser.runtime.onConnect.listeners) (l as (p: FakePort) => void)(port);
    return port;
  }

  return { browser, data, openTabs, badge, pingAnswers, contentSender, uiSender, send, connect, tick };
}
