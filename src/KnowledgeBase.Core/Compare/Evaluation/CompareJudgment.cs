namespace KnowledgeBase.Core.Compare.Evaluation;

/// <summary>One judged cell of tests/eval/compare-judgments.tsv: does this file address this topic, and where.</summary>
public sealed record CompareJudgment(string File, string Topic, bool Addressed, string Evidence)
{
    /// <summary>Reads the TSV (file, topic, addressed|not, evidence); # lines and the header are skipped.</summary>
    public static IReadOnlyList<CompareJudgment> Load(string path)
    {
        var judgments = new List<CompareJudgment>();
        foreach (var (line, number) in System.IO.File.ReadLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("file\t", StringComparison.Ordinal))
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[2] is not ("addressed" or "not"))
            {
                throw new FormatException($"{Path.GetFileName(path)} line {number}: expected file, topic, addressed|not, evidence");
            }
            judgments.Add(new CompareJudgment(fields[0], fields[1], fields[2] == "addressed", fields.Length > 3 ? fields[3] : ""));
        }
        return judgments;
    }
}
