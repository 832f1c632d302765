// A small WebDriver BiDi client for a stock Firefox (Debian's firefox-esr), whose remote
// protocol is built in: no geckodriver, no patched browser. Launches Firefox headless with a
// throw-away profile, talks to it over Node's global WebSocket (Node 20 needs
// --experimental-websocket; Node 22+ has it by default), and always cleans up: close() ends the
// session, kills Firefox's whole process group (it starts content processes of its own) and
// removes the profile. A process 'exit' hook kills anything still running if a test run dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX_BINARY = process.env.CLIENTGUARD_FIREFOX || '/usr/bin/firefox-esr';

export function firefoxAvailable(): boolean {
  return existsSync(FIREFOX_BINARY);
}

export function webSocketAvailable(): boolean {
  return typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
}

export interface LaunchOptions {
  /** Extra user.js preferences for the profile. */
  prefs?: Record<string, string | number | boolean>;
  /** How long to wait for "WebDriver BiDi listening" (ms). */
  startTimeoutMs?: number;
}

export interface BiDiEvent {
  method: string;
  params: Record<string, any>;
}

/** BiDi's serialised script values (the parts the tests use). */
export interface RemoteValue {
  type: string;
  value?: any;
  sharedId?: string;
  handle?: string;
}

export class BiDiError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
    message: string,
  ) {
    super(`${method}: ${error}: ${message}`);
  }
}

const DEFAULT_PREFS: Record<string, string | number | boolean> = {
  // A temporary add-on from webExtension.install is unsigned.
  'xpinstall.signatures.required': false,
  // Quiet, offline start-up: no first-run pages, no update or telemetry traffic.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  // The page writes the clipboard (navigator.clipboard.writeText) before a real Control+V.
  'dom.events.testing.asyncClipboard': true,
};

const liveProcesses = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Signals Firefox's process group. `evenIfExited`: also after the parent exited (its content
 *  processes can outlive it for a moment; the group id stays theirs). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals, evenIfExited = false): void {
  if (child.pid === undefined) return;
  if (!evenIfExited && (child.exitCode !== null || child.signalCode !== null)) return;
  try {
    process.kill(-child.pid, signal); // the group: Firefox and its content processes
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveProcesses) killGroup(child, 'SIGKILL', true);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Firefox {
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (v: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly listeners = new Set<(event: BiDiEvent) => void>();
  private closed = false;
  /** Firefox's stdout and stderr, for error messages. */
  log = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
    private readonly ws: WebSocket,
    /** From session.new. */
    public browserVersion = '',
  ) {}

  /** Starts Firefox headless on a new profile and opens a BiDi session. */
  static async launch(options: LaunchOptions = {}): Promise<Firefox> {
    if (!webSocketAvailable()) throw new Error('no global WebSocket: run Node 20 with --experimental-websocket (Node 22+ has it)');
    installExitHook();
    const profile = mkdtempSync(join(tmpdir(), 'clientguard-ff-'));
    const prefs = { ...DEFAULT_PREFS, ...options.prefs };
    writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
    const child = spawn(FIREFOX_BINARY, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', 'about:blank'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so close() can end every Firefox process
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    liveProcesses.add(child);
    let log = '';
    const collect = (d: Buffer) => {
      log += d.toString();
      if (log.length > 200_000) log = log.slice(-100_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const cleanUp = () => {
      killGroup(child, 'SIGKILL', true);
      liveProcesses.delete(child);
      rmSync(profile, { recursive: true, force: true });
    };
    try {
      const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
      let url: string | undefined;
      while (!url) {
        url = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log)?.[1];
        if (url) break;
        if (child.exitCode !== null) throw new Error(`Firefox exited (${child.exitCode}) before BiDi was ready:\n${log.slice(-2000)}`);
        if (Date.now() > deadline) throw new Error(`Firefox's BiDi did not start in time:\n${log.slice(-2000)}`);
        await sleep(100);
      }
      const ws = new WebSocket(`${url}/session`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`could not connect to ${url}/session`)), 10_000);
        ws.onopen = () => (clearTimeout(timer), resolve());
        ws.onerror = () => (clearTimeout(timer), reject(new Error(`could not connect to ${url}/session`)));
      });
      const firefox = new Firefox(child, profile, ws);
      firefox.log = log;
      child.stdout?.off('data', collect);
      child.stderr?.off('data', collect);
      const keep = (d: Buffer) => {
        firefox.log += d.toString();
        if (firefox.log.length > 200_000) firefox.log = firefox.log.slice(-100_000);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      ws.onmessage = (m) => firefox.onMessage(String(m.data));
      ws.onclose = () => firefox.failAll(new Error('BiDi connection closed'));
      const session = await firefox.send<{ capabilities: { browserVersion: string } }>('session.new', {
        capabilities: { alwaysMatch: { acceptInsecureCerts: true, unhandledPromptBehavior: { default: 'ignore' } } },
      });
      firefox.browserVersion = session.capabilities.browserVersion;
      return firefox;
    } catch (error) {
      cleanUp();
      throw error;
    }
  }

  private onMessage(data: string): void {
    const msg = JSON.parse(data) as { id?: number; type: string; result?: unknown; error?: string; message?: string } & Partial<BiDiEvent>;
    if (msg.id !== undefined && this.pending.has(msg.id)) {
      const call = this.pending.get(msg.id)!;
      this.pending.delete(msg.id);
      clearTimeout(call.timer);
      if (msg.type === 'error') call.reject(new BiDiError(call.method, msg.error ?? 'error', msg.message ?? ''));
      else call.resolve(msg.result);
      return;
    }
    if (msg.type === 'event' && msg.method) for (const l of this.listeners) l({ method: msg.method, params: msg.params ?? {} });
  }

  private failAll(error: Error): void {
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      call.reject(error);
      this.pending.delete(id);
    }
  }

  /** One BiDi command; rejects on a BiDi error or after `timeoutMs`. */
  send<T = any>(method: string, params: Record<string, unknown> = {}, timeoutMs = 20_000): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`${method}: the browser is closed`));
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` for every event; returns the unsubscribe function. */
  on(listener: (event: BiDiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // --- conveniences the tests use -------------------------------------------------------------

  async installExtension(archivePath: string): Promise<string> {
    const result = await this.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'archivePath', path: archivePath } });
    return result.extension;
  }

  /**
   * Serves every request to `origin` (https://host, not resolvable) from `routes` (path ->
   * content), through BiDi request interception; anything else there is a 404.
   */
  async serve(origin: string, routes: Map<string, { type: string; body: string }>): Promise<void> {
    const host = new URL(origin).hostname;
    await this.send('session.subscribe', { events: ['network.beforeRequestSent'] });
    await this.send('network.addIntercept', { phases: ['beforeRequestSent'], urlPatterns: [{ type: 'pattern', protocol: 'https', hostname: host }] });
    this.on((event) => {
      if (event.method !== 'network.beforeRequestSent' || !event.params.isBlocked) return;
      const request = event.params.request as { request: string; url: string };
      const route = routes.get(new URL(request.url).pathname);
      void this.send('network.provideResponse', {
        request: request.request,
        statusCode: route ? 200 : 404,
        reasonPhrase: route ? 'OK' : 'Not Found',
        headers: [{ name: 'content-type', value: { type: 'string', value: route?.type ?? 'text/plain' } }],
        body: { type: 'string', value: route?.body ?? 'not found' },
      }).catch(() => undefined); // the page may have gone away meanwhile
    });
  }

  async topContext(): Promise<string> {
    const tree = await this.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    return tree.contexts[0]!.context;
  }

  async navigate(context: string, url: string): Promise<void> {
    await this.send('browsingContext.navigate', { context, url, wait: 'complete' });
  }

  /** Evaluates `expression` in the page (awaiting a promise) and returns the raw RemoteValue. */
  async evaluateRaw(context: string, expression: string, options: { userActivation?: boolean } = {}): Promise<RemoteValue> {
    const result = await this.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      userActivation: options.userActivation ?? false,
      serializationOptions: { maxDomDepth: 0 },
    });
    if (result.type === 'exception') throw new Error(`page threw: ${result.exceptionDetails?.text}\n  in: ${expression.slice(0, 300)}`);
    return result.result!;
  }

  /** Evaluates `expression` in the page; the page must return a JSON string, parsed here. */
  async evaluateJson<T>(context: string, expression: string, options: { userActivation?: boolean } = {}): Promise<T> {
    const value = await this.evaluateRaw(context, `Promise.resolve(${expression}).then((v) => JSON.stringify(v === undefined ? null : v))`, options);
    return JSON.parse(String(value.value)) as T;
  }

  /** Calls `fn` in the page with serialised arguments (node references pass as {sharedId}). */
  async callFunction<T>(context: string, fn: string, args: unknown[]): Promise<T> {
    const result = await this.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.callFunction', {
      functionDeclaration: `(...a) => Promise.resolve((${fn})(...a)).then((v) => JSON.stringify(v === undefined ? null : v))`,
      arguments: args,
      target: { context },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`page threw: ${result.exceptionDetails?.text}`);
    return JSON.parse(String(result.result!.value)) as T;
  }

  /** Real key presses, one after the other. `keys` are WebDriver key values ('\uE004' Tab). */
  async pressKeys(context: string, keys: string[]): Promise<void> {
    const actions = keys.flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.send('input.releaseActions', { context });
  }

  /** A real chord: every key down in order, then up in reverse (Control+V). */
  async chord(context: string, keys: string[]): Promise<void> {
    const actions = [...keys.map((value) => ({ type: 'keyDown', value })), ...[...keys].reverse().map((value) => ({ type: 'keyUp', value }))];
    await this.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.send('input.releaseActions', { context });
  }

  /** A real left click at viewport coordinates. */
  async click(context: string, x: number, y: number): Promise<void> {
    await this.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(x), y: Math.round(y) },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.send('input.releaseActions', { context });
  }

  /** Ends the session, kills Firefox (its whole process group) and removes the profile. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.send('session.end', {}, 3_000);
    } catch {
      /* Firefox may already be gone */
    }
    this.closed = true;
    this.failAll(new Error('the browser was closed'));
    try {
      this.ws.close();
    } catch {
      /* ignore */
    }
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    killGroup(this.child, 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
    if (timedOut) {
      killGroup(this.child, 'SIGKILL');
      await Promise.race([exited, sleep(2_000)]);
    }
    // Content processes in the group outlive the parent for a moment; make sure they go.
    killGroup(this.child, 'SIGKILL', true);
    liveProcesses.delete(this.child);
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}

/** WebDriver key values. */
export const Key = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Control: '\uE009',
} as const;
