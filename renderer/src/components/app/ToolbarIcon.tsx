/** The toolbar's icons, drawn inline: no icon font or emoji the system may lack. */
const PATHS = {
  folder: 'M3 6h6l2 2h10v11H3z',
  undo: 'M9 7L4 12l5 5M4 12h11a5 5 0 0 1 0 10h-3',
  redo: 'M15 7l5 5-5 5M20 12H9a5 5 0 0 0 0 10h3',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L21 21',
  startPane: 'M3 4h18v16H3zM9 4v16',
  endPane: 'M3 4h18v16H3zM15 4v16',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
} as const;

export type ToolbarIconName = keyof typeof PATHS;

export function ToolbarIcon({ name }: { name: ToolbarIconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={name === 'more' ? 3.5 : 2} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
