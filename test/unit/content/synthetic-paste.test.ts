// Which way a held paste is replayed depends on whether the browser keeps clipboardData in a
// constructed ClipboardEvent (Chromium does, Firefox does not). Both behaviours are stubbed here.
import { afterEach, describe, expect, it, vi } from 'vitest';

class FakeDataTransfer {
  private data = new Map<string, string>();
  setData(type: string, value: string): void {
    this.data.set(type, value);
  }
  getData(type: string): string {
    return this.data.get(type) ?? '';
  }
}

function stubBrowser(keepsClipboardData: boolean): void {
  vi.stubGlobal('DataTransfer', FakeDataTransfer);
  vi.stubGlobal(
    'ClipboardEvent',
    class {
      clipboardData: FakeDataTransfer | null;
      constructor(_type: string, init: { clipboardData?: FakeDataTransfer }) {
        this.clipboardData = keepsClipboardData ? (init.clipboardData ?? null) : new FakeDataTransfer();
      }
    },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('syntheticPasteCarriesData', () => {
  it('is true where the constructed event keeps its data (Chromium)', async () => {
    stubBrowser(true);
    const { syntheticPasteCarriesData } = await import('../../../src/content/deliver/synthetic-paste');
    expect(syntheticPasteCarriesData()).toBe(true);
  });

  it('is false where the event arrives empty (Firefox), and where the constructor throws', async () => {
    stubBrowser(false);
    const { syntheticPasteCarriesData } = await import('../../../src/content/deliver/synthetic-paste');
    expect(syntheticPasteCarriesData()).toBe(false);
    vi.resetModules();
    vi.stubGlobal('ClipboardEvent', class {
      constructor() {
        throw new TypeError('not supported');
      }
    });
    const again = await import('../../../src/content/deliver/synthetic-paste');
    expect(again.syntheticPasteCarriesData()).toBe(false);
  });
});

describe('attachClipboardData', () => {
  it("puts the data on the page's view of the event, in the page's own DataTransfer", async () => {
    stubBrowser(false);
    class PageDataTransfer extends FakeDataTransfer {}
    const pageEvent = {} as { clipboardData?: FakeDataTransfer };
    vi.stubGlobal('window', { wrappedJSObject: { DataTransfer: PageDataTransfer } });
    const { attachClipboardData } = await import('../../../src/content/deliver/synthetic-paste');
    const event = { wrappedJSObject: pageEvent } as unknown as ClipboardEvent;
    expect(attachClipboardData(event, [['text/plain', 'Jane Doe, jane@x.com'], ['text/html', '<b>Jane</b>']])).toBe(true);
    expect(pageEvent.clipboardData).toBeInstanceOf(PageDataTransfer);
    expect(pageEvent.clipboardData?.getData('text/plain')).toBe('Jane Doe, jane@x.com');
  });

  it('says no when the page would read something else, so the caller does not dispatch', async () => {
    stubBrowser(false);
    // A DataTransfer whose data the page cannot read back (as Firefox does for data set by
    // another principal).
    class Unreadable extends FakeDataTransfer {
      override getData(): string {
        return '';
      }
    }
    vi.stubGlobal('window', { DataTransfer: Unreadable });
    const { attachClipboardData } = await import('../../../src/content/deliver/synthetic-paste');
    const event = {} as ClipboardEvent;
    expect(attachClipboardData(event, [['text/plain', 'x']])).toBe(false);
  });
});
