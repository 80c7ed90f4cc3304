import { describe, expect, it } from 'vitest';
import { CUES, sentenceCues } from '../../../src/core/claims/cues';
import { CALIBRATION_FEATURES } from '../../../src/core/claims/model';
import { analyze } from '../../../src/core/claims/tokenize';

const cues = (s: string) => Object.fromEntries(sentenceCues(s, analyze(s)).map((v, i) => [CUES[i], v]));

describe('sentence check-worthiness cues', () => {
  it('marks a question, also when a quote or bracket closes it', () => {
    expect(cues('Are they wrong on that, Bernie?').question).toBe(1);
    expect(cues('He asked, "Who pays for it?"').question).toBe(1);
    expect(cues('Who pays for it? Nobody does.').question).toBe(0);
    expect(cues('Nobody pays for it.').question).toBe(0);
  });

  it('marks figures written in digits or in words', () => {
    expect(cues('Unemployment fell to 3.5% last year.').figure).toBe(1);
    expect(cues('We gave ninety billion dollars to Ukraine.').figure).toBe(1);
    expect(cues('We gave a lot of money to Ukraine.').figure).toBe(0);
  });

  it('marks comparisons and superlatives but not words that merely end in -est', () => {
    expect(cues('Incomes grew faster than ever before.').comparative).toBe(1);
    expect(cues('We have the lowest unemployment in history.').comparative).toBe(1);
    expect(cues('It was a record year for exports.').comparative).toBe(1);
    expect(cues('I suggest we protest in their interest.').comparative).toBe(0);
  });

  it('counts named people and places after the first word, up to three', () => {
    expect(cues('It was a disgrace.').names).toBe(0);
    expect(cues('Yesterday Bloomberg met Sanders.').names).toBeCloseTo(2 / 3);
    expect(cues('Then Biden, Warren, Sanders, Klobuchar and Buttigieg spoke.').names).toBe(1);
  });

  it('are all inputs of the calibrator, in [0, 1]', () => {
    for (const c of CUES) expect(CALIBRATION_FEATURES).toContain(c);
    for (const s of ['', '?', 'The 5 biggest lies Trump, Biden and Obama told in 2019?']) {
      for (const v of sentenceCues(s, analyze(s))) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});
