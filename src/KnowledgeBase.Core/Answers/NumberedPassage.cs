using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Core.Answers;

/// <summary>A retrieved passage with the number its [n] markers use.</summary>
internal sealed record NumberedPassage(int Number, SearchHit Hit)
{
    public Citation ToCitation() => new(
        Number, Hit.DocumentId, Hit.Title, Hit.Source, Hit.Identifier, Hit.Clause, Hit.HeadingPath, Hit.PageStart, Hit.PageEnd, Hit.Text);
}
