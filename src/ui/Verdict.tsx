/** A verdict as icon + words (never colour alone). */
import { lookOf } from './verdict.ts';

export function Verdict({ verdict, rating }: { verdict: string; rating?: string }) {
  const look = lookOf(verdict);
  return (
    <span class={`verdict tone-${look.tone}`}>
      <span aria-hidden="true" class="icon">
        {look.icon}
      </span>{' '}
      {look.label}
      {rating && rating.toLowerCase() !== look.label.toLowerCase() ? <span class="rating"> (“{rating}”)</span> : null}
    </span>
  );
}
