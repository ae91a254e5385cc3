using KnowledgeBase.Core.Answers;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>The "sources" event: the numbered passages the answer may cite.</summary>
internal sealed record AskSources(IReadOnlyList<Citation> Sources);

/// <summary>A "delta" event: the next piece of the answer's text.</summary>
internal sealed record AskDelta(string Text);

/// <summary>The "error" event: why the answer stopped.</summary>
internal sealed record AskError(string Message);
