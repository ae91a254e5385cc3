namespace KnowledgeBase.Core.Search;

/// <summary>
/// One token of an analysed passage: where its term ends in the passage's term characters (it starts where the
/// token before ends) and where the token stands in the text the passage was analysed from.
/// </summary>
internal readonly record struct AnalysedToken(int TermEnd, int Start, int End);
