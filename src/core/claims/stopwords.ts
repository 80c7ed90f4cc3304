/**
 * English function words that carry no claim content. Matched on the lowercased surface form, before stemming.
 * Negations ("not", "never", "no") are deliberately kept out of retrieval terms too: a sentence that denies a
 * claim still repeats it, and the reader should see the fact-check either way.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all almost along already also although always am among an and another
  any anybody anyone anything anyway are aren around as at away back be became because become becomes been before
  being below between both but by can cannot could couldn did didn do does doesn doing don done down during each
  either else enough even ever every everybody everyone everything few for from further get gets getting go goes
  going gone got had hadn has hasn have haven having he her here hers herself him himself his how however i if in
  into is isn it its itself just least less let like ll made make makes many may me might mine more most much must
  my myself neither never no nobody none nor not nothing now of off often on once one only onto or other others
  otherwise our ours ourselves out over own per perhaps put quite rather re really s said same say says saying see
  seem seemed seems several shall she should shouldn since so some somebody someone something sometimes somewhat
  still such t than that the their theirs them themselves then there therefore these they thing things this those
  though through thus to together too toward towards under until up upon us use used using ve very via was wasn way
  we well were weren what whatever when whenever where whereas wherever whether which while who whoever whole whom
  whose why will with within without won would wouldn yes yet you your yours yourself yourselves d m o y
  actually okay oh yeah gonna wanna lot lots mr mrs ms dr prof jr sr`
    .split(/\s+/)
    .filter(Boolean),
);
