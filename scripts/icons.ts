// Renders the product icon to the PNG sizes the manifest lists (npm run icons).
// icons/icon.svg is the drawing; icons/icon-small.svg is the same shape simplified for the
// toolbar sizes, where the rim and the sheen would only blur. Chromium rasterises each SVG at
// the target size (not a scaled-down big bitmap) and the screenshot keeps the transparency.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ICONS = join(ROOT, 'icons');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Output size -> source drawing. */
export const ICON_SIZES: ReadonlyArray<{ size: number; source: string }> = [
  { size: 16, source: 'icon-small.svg' },
  { size: 32, source: 'icon-small.svg' },
  { size: 48, source: 'icon.svg' },
  { size: 128, source: 'icon.svg' },
];

export async function renderIcons(outDir = ICONS): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--force-color-profile=srgb'],
  });
  const written: string[] = [];
  try {
    for (const { size, source } of ICON_SIZES) {
      const svg = readFileSync(join(ICONS, source), 'utf8');
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}` +
          `img{display:block;width:${size}px;height:${size}px}</style></head>` +
          `<body><img id="icon" alt="" src="${src}"></body></html>`,
      );
      await page.locator('#icon').evaluate((img: HTMLImageElement) => img.decode());
      const file = join(outDir, `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      written.push(file);
    }
  } finally {
    await browser.close();
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  renderIcons().then(
    (files) => {
      for (const file of files) console.log(`wrote ${file.slice(ROOT.length + 1)}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
