/** Small display helpers shared by every surface. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-08-18" → "18 Aug 2025", "2025-08" → "Aug 2025", "2025" → "2025". */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (!m) return y;
  const mon = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${mon} ${y}` : `${mon} ${y}`;
}

/** "since 2017-05-14" / "2017-05-14 – 2022-01-01". */
export function formatSpan(start: string, end?: string | null): string {
  return end ? `${formatDate(start)} – ${formatDate(end)}` : `since ${formatDate(start)}`;
}

/** Only https links are ever rendered as links (pack validation enforces it too; this is the second lock). */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
