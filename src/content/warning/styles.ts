// Styles for the shadow root. System fonts, no external resources (a page must not be able
// to see ClientGuard load anything), light and dark themes, calm motion.
export const DIALOG_CSS = `
:host { all: initial; }
.cg-dialog {
  --bg: #ffffff; --fg: #1b2733; --muted: #4a5a6a; --accent: #0f6e78; --accent-fg: #ffffff;
  --line: #d5dde4; --chip: #eef3f6; --warn: #9a3b00; --focus: #1a73e8;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 14px; padding: 0;
  width: min(560px, calc(100vw - 32px)); max-height: calc(100vh - 32px);
  box-shadow: 0 24px 60px rgba(10, 30, 50, .35);
  display: flex; flex-direction: column; overflow: hidden;
  animation: cg-in .16s ease-out;
}
.cg-dialog:not([open]) { display: none; }
.cg-dialog::backdrop { background: rgba(12, 22, 33, .55); }
@media (prefers-color-scheme: dark) {
  .cg-dialog { --bg: #17212b; --fg: #e8eef3; --muted: #b3c1cc; --accent: #5cc6cf; --accent-fg: #08262a;
    --line: #33434f; --chip: #233140; --warn: #ffb27a; --focus: #8ab4f8; }
}
@media (prefers-reduced-motion: reduce) { .cg-dialog { animation: none; } }
@keyframes cg-in { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
.cg-scroll { overflow: auto; padding: 20px 22px 8px; }
.cg-header { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
.cg-shield { width: 34px; height: 34px; flex: none; }
.cg-shield path { fill: var(--accent); }
.cg-shield .cg-mark { fill: none; stroke: var(--accent-fg); stroke-width: 2.2; stroke-linecap: round; }
h2 { font-size: 19px; line-height: 1.3; margin: 0; font-weight: 650; }
h3 { font-size: 14px; margin: 14px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
p { margin: 6px 0; }
.cg-lead { font-weight: 600; }
.cg-kinds { color: var(--muted); }
.cg-examples { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 6px; }
.cg-examples li { background: var(--chip); border-radius: 999px; padding: 2px 10px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.cg-points { margin: 4px 0; padding-left: 20px; }
.cg-points li { margin: 3px 0; }
.cg-custom { border-left: 4px solid var(--accent); padding: 6px 10px; background: var(--chip); border-radius: 6px; }
.cg-blocked { color: var(--warn); font-weight: 600; }
.cg-reason { margin: 12px 0 6px; display: grid; gap: 4px; }
.cg-reason label { font-weight: 600; }
select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 6px 8px; }
.cg-error { color: var(--warn); margin: 2px 0; }
.cg-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 12px 22px 18px; border-top: 1px solid var(--line); }
button { font: inherit; font-weight: 600; border-radius: 8px; padding: 8px 14px; cursor: pointer;
  border: 1px solid var(--line); background: var(--bg); color: var(--fg); }
button.cg-primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
button.cg-link { border-color: transparent; background: transparent; color: var(--accent); text-decoration: underline; padding: 8px 6px; font-weight: 500; }
button:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;

export const PROGRESS_CSS = `
:host { all: initial; }
.cg-progress { position: fixed; right: 16px; bottom: 16px; display: grid; gap: 6px; min-width: 240px;
  font: 14px/1.4 system-ui, sans-serif; color: #1b2733; background: #fff; border: 1px solid #d5dde4;
  border-radius: 10px; padding: 10px 14px; box-shadow: 0 8px 24px rgba(0,0,0,.2); }
@media (prefers-color-scheme: dark) { .cg-progress { color: #e8eef3; background: #17212b; border-color: #33434f; } }
progress { width: 100%; }
`;
