/** The page's views (one per `#hash`) and how a module asks for the page to be drawn again. */

export type View = 'overview' | 'tokens' | 'clock' | 'journal' | 'faults' | 'docs';
export const views: Record<View, string> = {
  overview: 'Overview',
  tokens: 'Tokens',
  clock: 'Clock',
  journal: 'Journal',
  faults: 'Faults',
  docs: 'API reference',
};

export function currentView(): View {
  const hash = location.hash.slice(1);
  return hash in views ? (hash as View) : 'overview';
}

let renderPage: () => void = () => undefined;

/** Set once by app.ts: draws the current view. */
export function onRender(render: () => void): void {
  renderPage = render;
}

/** Draws the current view again (after an action changed what it shows). */
export function rerender(): void {
  renderPage();
}
