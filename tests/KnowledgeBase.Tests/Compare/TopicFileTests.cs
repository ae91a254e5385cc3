using KnowledgeBase.Core.Compare;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Compare;

/// <summary>Built-in topics and users' topic files: the shape, the languages, and errors naming file and field.</summary>
public sealed class TopicFileTests : IDisposable
{
    private static readonly string[] ItuAndCorpusLanguages = ["en", "fr", "es", "ar", "zh", "ru", "el", "lv"];

    private readonly TempFolder _temp = new();

    [Fact]
    public void Every_built_in_topic_has_a_source_a_definition_and_phrasings_in_the_six_ITU_languages_and_the_corpus_others()
    {
        var topics = BuiltinTopics.All;

        Assert.True(topics.Count >= 12);
        Assert.Equal(topics.Count, topics.Select(t => t.Id).Distinct().Count());
        Assert.All(topics, topic =>
        {
            Assert.False(string.IsNullOrWhiteSpace(topic.Source));
            Assert.False(string.IsNullOrWhiteSpace(topic.Definition));
            Assert.All(ItuAndCorpusLanguages, language => Assert.NotEmpty(topic.Phrasings[language]));
        });
        Assert.Contains(topics, t => t.Id == "national-cirt");
        Assert.Contains(topics, t => t.Id == "child-online-protection");
    }

    [Fact]
    public void A_topics_file_in_the_built_in_shape_loads_with_a_flat_list_of_phrasings_for_every_language()
    {
        var path = _temp.Write("mine.json", """
            {"topics": [
              {"id": "mobile-money", "title": "Mobile money fraud", "phrasings": ["mobile money"]},
              {"id": "e-gov", "title": "E-government", "phrasings": {"en": ["e-government"], "fr": ["administration électronique"]}}
            ]}
            """);

        var topics = TopicFile.Load(path);

        Assert.Equal(["mobile-money", "e-gov"], topics.Select(t => t.Id));
        Assert.Equal(["mobile money"], topics[0].PhrasingsFor("ru"));
        Assert.Equal(["administration électronique"], topics[1].PhrasingsFor("fr"));
        Assert.Equal(["e-government"], topics[1].PhrasingsFor("es"));
        Assert.Equal("custom", topics[0].Source);
    }

    [Theory]
    [InlineData("{\"topics\": [", "$")]
    [InlineData("{\"themes\": []}", "topics")]
    [InlineData("{\"topics\": [{\"id\": \"x\", \"phrasings\": [\"y\"]}]}", "topics[0].title")]
    [InlineData("{\"topics\": [{\"id\": \"Bad Id\", \"title\": \"t\"}]}", "topics[0].id")]
    [InlineData("{\"topics\": [{\"id\": \"x\", \"title\": \"t\", \"phrasings\": {\"french\": [\"y\"]}}]}", "topics[0].phrasings.french")]
    [InlineData("{\"topics\": [{\"id\": \"x\", \"title\": \"t\", \"phrasings\": {\"fr\": [\"\"]}}]}", "topics[0].phrasings.fr[0]")]
    public void A_bad_topics_file_is_refused_naming_the_file_and_the_field(string json, string path)
    {
        var file = _temp.Write("bad-topics.json", json);

        var error = Assert.Throws<CompareValidationException>(() => TopicFile.Load(file));

        Assert.Equal("topicsFile", error.Field);
        Assert.StartsWith($"bad-topics.json: {path} ", error.Detail, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
