/** Light/dark for the extension's own pages: follow the system unless the reader chose one. */
export function applyTheme(theme: 'system' | 'light' | 'dark', root: HTMLElement = document.documentElement): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
