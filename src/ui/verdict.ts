/** How each normalised verdict reads: text and icon always, colour only as a third cue. */
import type { Verdict } from '../core/pack/schema.ts';
import { type MessageKey, t } from '../shared/i18n.ts';

export interface VerdictLook {
  label: string;
  icon: string;
  tone: 'good' | 'caution' | 'bad' | 'neutral';
}

const LOOK: Record<Verdict, { key: MessageKey; icon: string; tone: VerdictLook['tone'] }> = {
  accurate: { key: 'verdictAccurate', icon: '✓', tone: 'good' },
  'mostly-accurate': { key: 'verdictMostlyAccurate', icon: '✓', tone: 'good' },
  'needs-context': { key: 'verdictNeedsContext', icon: 'i', tone: 'caution' },
  misleading: { key: 'verdictMisleading', icon: '!', tone: 'bad' },
  unsupported: { key: 'verdictUnsupported', icon: '?', tone: 'caution' },
  false: { key: 'verdictFalse', icon: '✗', tone: 'bad' },
  disputed: { key: 'verdictDisputed', icon: '⇄', tone: 'caution' },
  pending: { key: 'verdictPending', icon: '…', tone: 'neutral' },
};

export const lookOf = (v: string): VerdictLook => {
  const l = LOOK[v as Verdict];
  return l ? { label: t(l.key), icon: l.icon, tone: l.tone } : { label: v, icon: '?', tone: 'neutral' };
};
