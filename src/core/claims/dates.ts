/**
 * Dates as whole days since 1970-01-01 (UTC), for the date-proximity features: a sentence can only repeat a
 * claim that was made before it, and repeats of recent claims are far more common than of old ones.
 * Accepts ISO ("2019-10-28", "2019-10", "2019", "2019-10-28T05:36:09+01:00") and English ("26 May 2015",
 * "January 14, 2020", "Jan. 6, 2021", "Sept 2020").
 */

const MONTHS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
});

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w.length > 4 ? w.slice(0, 3) : w];
}

function days(y: number, m: number, d: number): number | undefined {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Days since the epoch for a date string, or undefined when it cannot be read. Partial dates take the 1st. */
export function parseDay(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = s.trim();
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|T|\s)/.exec(t);
  if (iso) return days(Number(iso[1]), Number(iso[2] ?? 1), Number(iso[3] ?? 1));
  // "26 May 2015"
  const dmy = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})/.exec(t);
  if (dmy) {
    const m = monthOf(dmy[2] as string);
    return m ? days(Number(dmy[3]), m, Number(dmy[1])) : undefined;
  }
  // "January 14, 2020", "Jan. 6, 2021", "Sept 2020"
  const mdy = /^([A-Za-z]+\.?)\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})/.exec(t);
  if (mdy) {
    const m = monthOf(mdy[1] as string);
    return m ? days(Number(mdy[3]), m, Number(mdy[2] ?? 1)) : undefined;
  }
  return undefined;
}
