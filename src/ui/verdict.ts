/** How each normalised verdict reads: text and icon always, colour only as a third cue. */
import type { Verdict } from '../core/pack/schema.ts';

export interface VerdictLook {
  label: string;
  icon: string;
  tone: 'good' | 'caution' | 'bad' | 'neutral';
}

export const VERDICT_LOOK: Record<Verdict, VerdictLook> = {
  accurate: { label: 'Accurate', icon: '✓', tone: 'good' },
  'mostly-accurate': { label: 'Mostly accurate', icon: '✓', tone: 'good' },
  'needs-context': { label: 'Needs context', icon: 'ⓘ', tone: 'caution' },
  misleading: { label: 'Misleading', icon: '!', tone: 'bad' },
  unsupported: { label: 'Unsupported', icon: '?', tone: 'caution' },
  false: { label: 'False', icon: '✗', tone: 'bad' },
  disputed: { label: 'Disputed', icon: '⇄', tone: 'caution' },
  pending: { label: 'Pending review', icon: '…', tone: 'neutral' },
};

export const lookOf = (v: string): VerdictLook =>
  VERDICT_LOOK[v as Verdict] ?? { label: v, icon: '?', tone: 'neutral' };
