using System.Text.Json.Serialization;

namespace KnowledgeBase.Core.Answers;

/// <summary>The stream of an answer: Sources once, TextDelta any number of times, then Done or Error.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerEventKind>))]
public enum AnswerEventKind
{
    [JsonStringEnumMemberName("sources")]
    Sources,

    [JsonStringEnumMemberName("delta")]
    TextDelta,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("error")]
    Error,
}
