/** Styles inside our shadow root; `:host` resets whatever the page sets on elements in general. */
export const OVERLAY_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483647 !important;
  display: block !important; }
@media print { :host { display: none !important; } }
* { box-sizing: border-box; }
.ui { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; --accent: #0b8043; --line: #dadce0; --bg: #fff; --muted: #5f6368; }
.ui.dark { color: #e8eaed; --accent: #81c995; --line: #5f6368; --bg: #292a2d; --muted: #bdc1c6; }
.icon { position: fixed; width: 20px; height: 20px; padding: 0; border: 0; border-radius: 50%; cursor: pointer;
  background: var(--accent); color: #fff; display: grid; place-items: center; box-shadow: 0 1px 3px rgba(0,0,0,.35); }
.dark .icon { color: #202124; }
.icon:focus-visible, button:focus-visible, select:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.icon svg { width: 12px; height: 12px; fill: currentColor; }
.card { width: 264px; padding: 12px; border-radius: 10px; background: var(--bg);
  border: 1px solid var(--line); box-shadow: 0 2px 4px rgba(0,0,0,.2); }
.num { font-size: 16px; font-weight: 600; letter-spacing: .2px; }
.meta { color: var(--muted); font-size: 12px; margin-top: 2px; }
.row { display: flex; gap: 6px; align-items: center; margin-top: 8px; }
.row label { color: var(--muted); font-size: 12px; min-width: 64px; }
select { flex: 1; min-width: 0; font: inherit; font-size: 12px; color: inherit; background: var(--bg);
  border: 1px solid var(--line); border-radius: 6px; padding: 3px 4px; }
.uses { color: var(--muted); font-size: 12px; margin-top: 4px; }
.actions { display: flex; gap: 8px; margin-top: 10px; }
.call, .ok { flex: 1; font: inherit; font-weight: 600; border: 0; border-radius: 6px; padding: 6px 10px;
  cursor: pointer; background: var(--accent); color: #fff; }
.dark .call, .dark .ok { color: #202124; }
.call[aria-disabled="true"] { opacity: .6; cursor: default; }
.cancel { font: inherit; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; cursor: pointer;
  background: transparent; color: inherit; }
.ask { margin-top: 8px; font-size: 12px; }
.hint { margin-top: 8px; font-size: 11px; color: var(--muted); }
.status { margin-top: 8px; font-size: 12px; color: var(--muted); }
.status.error { color: #d93025; }
.dark .status.error { color: #f28b82; }
`;

export const PHONE_SVG =
  'M6.6 10.8c1.4 2.8 3.8 5.1 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1C10.6 21 3 13.4 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1L6.6 10.8z';
