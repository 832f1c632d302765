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
