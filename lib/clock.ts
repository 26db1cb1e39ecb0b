/** Today as a calendar day in the user's time zone (`YYYY-MM-DD`): the as-of date of every live view. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
