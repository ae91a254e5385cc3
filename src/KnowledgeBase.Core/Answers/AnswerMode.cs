using System.Text.Json.Serialization;

namespace KnowledgeBase.Core.Answers;

/// <summary>How an answer is made: Auto generates when a chat model is configured and extracts otherwise.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerMode>))]
public enum AnswerMode
{
    [JsonStringEnumMemberName("auto")]
    Auto,

    [JsonStringEnumMemberName("extractive")]
    Extractive,

    [JsonStringEnumMemberName("generative")]
    Generative,
}
