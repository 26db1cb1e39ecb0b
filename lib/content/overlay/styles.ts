/** The overlay's own styles, inside its shadow root: nothing leaks to or from the console's page. */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483000; }
.badge, .link-btn, .summary { pointer-events: auto; }
.badge { position: fixed; transform: translateY(-50%); display: inline-flex; align-items: center; gap: 3px; padding: 1px 6px 1px 4px; border-radius: 10px;
  background: #fff; border: 1px solid #c9d2e3; box-shadow: 0 1px 2px rgba(0,0,0,.12); font-size: 11px; line-height: 16px; color: #1d2433; cursor: pointer; }
.badge:focus-visible, .link-btn:focus-visible, .summary button:focus-visible, .summary select:focus-visible, .details button:focus-visible, .details select:focus-visible, .summary header:focus-visible { outline: 2px solid #2f5bd3; outline-offset: 1px; }
.code { font-weight: 700; color: #2f5bd3; margin-right: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; display: inline-block; }
.on { background: #157347; } .watch { background: #d08700; } .off { background: #b42318; } .none { background: #9aa3b2; }
.link-btn { position: fixed; transform: translateY(-50%); font-size: 11px; line-height: 16px; padding: 1px 7px; border-radius: 10px; border: 1px dashed #2f5bd3;
  background: #f3f6fe; color: #2f5bd3; cursor: pointer; }
.details { position: fixed; max-width: 340px; background: #fff; color: #1d2433; border: 1px solid #c9d2e3; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; font-size: 12px; pointer-events: auto; z-index: 2; }
.details h3 { margin: 0 0 6px; font-size: 12px; }
.details table { border-collapse: collapse; width: 100%; }
.details td, .details th { padding: 2px 4px; text-align: left; font-weight: normal; }
.details td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.word { font-size: 11px; }
.word.on { background: none; color: #157347; } .word.watch { background: none; color: #9a5b00; } .word.off { background: none; color: #b42318; } .word.none { background: none; color: #6b7280; }
.summary { position: fixed; width: 300px; background: #fff; color: #1d2433; border: 1px solid #c9d2e3; border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font-size: 12px; }
.summary header { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-bottom: 1px solid #e3e7ee; cursor: move; user-select: none; }
.summary header strong { color: #2f5bd3; }
.summary header .grow { flex: 1; color: #5b6475; }
.summary button, .summary select, .details button, .details select { font: inherit; font-size: 12px; border: 1px solid #c9d2e3; border-radius: 6px; background: #fff; color: #1d2433; padding: 2px 6px; cursor: pointer; }
.summary button.primary, .details button.primary { background: #2f5bd3; border-color: #2f5bd3; color: #fff; }
.summary .body { padding: 6px 8px 8px; max-height: 320px; overflow: auto; }
.summary .row { display: flex; align-items: center; gap: 6px; padding: 3px 0; }
.summary .row .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.summary .muted { color: #5b6475; }
.picker { display: flex; flex-direction: column; gap: 6px; }
.details .row { display: flex; gap: 6px; }
.picker label { display: flex; flex-direction: column; gap: 2px; color: #5b6475; }
`;
