namespace KnowledgeBase.Core.Search;

/// <summary>
/// One token of an analysed passage: where its term ends in the passage's term characters (it starts where the
/// token before ends), where the token stands in the text the passage was analysed from, and its position (the sum of
/// the position increments so far, from -1, as Lucene's QueryScorer counts them: a removed stop word leaves a gap).
/// </summary>
internal readonly record struct AnalysedToken(int TermEnd, int Start, int End, int Position);
