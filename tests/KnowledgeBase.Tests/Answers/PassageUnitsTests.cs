using KnowledgeBase.Core.Answers;

namespace KnowledgeBase.Tests.Answers;

/// <summary>Passages laid out as the corpus's PDFs give them (NIST SP 800-61 r2, clause 2.5).</summary>
public sealed class PassageUnitsTests
{
    [Fact]
    public void Split_ANumberedClauseHeadingOnItsOwnLine_IsAHeadingNotAListItem()
    {
        var units = PassageUnits.Split(
            "2.5 Incident Response Team Services\n\nThe main focus of an incident response team is performing incident response, but it is fairly rare for a\nteam to perform incident response only.")
            .ToList();

        Assert.Equal("2.5 Incident Response Team Services", units[0].Text);
        Assert.False(units[0].IsListItem);
        Assert.True(UnquotableUnits.Excludes(units[0]));
    }

    [Fact]
    public void Split_ANumberedClauseHeadingGluedToItsFirstSentence_IsSplitOff()
    {
        var units = PassageUnits.Split(
            "2.5 Incident Response Team Services\nThe main focus of an incident response team is performing incident response, but it is fairly rare for a\nteam to perform incident response only.")
            .ToList();

        Assert.Equal("2.5 Incident Response Team Services", units[0].Text);
        Assert.True(UnquotableUnits.Excludes(units[0]));
        Assert.StartsWith("The main focus", units[1].Text, StringComparison.Ordinal);
        Assert.False(UnquotableUnits.Excludes(units[1]));
    }

    [Fact]
    public void Split_ANumberedItemWhoseFirstLineWrapsASentence_StaysOneListItem()
    {
        var units = PassageUnits.Split(
            "The plan shall include:\n2.13.3.1 The CIRT shall keep a record of every incident\nreported to it and of the actions taken.\n2.13.3.2 The CIRT shall report yearly.")
            .ToList();

        Assert.Equal("2.13.3.1 The CIRT shall keep a record of every incident reported to it and of the actions taken.", units[1].Text);
        Assert.True(units[1].IsListItem);
        Assert.False(UnquotableUnits.Excludes(units[1]));
    }

    [Fact]
    public void Split_ABulletedTitleWithoutFullStop_StaysAQuotableListItem()
    {
        var units = PassageUnits.Split("Benefits include:\n• Shared Situational Awareness\n• Improved Security Posture").ToList();

        Assert.True(units[1].IsListItem);
        Assert.False(UnquotableUnits.Excludes(units[1]));
    }

    [Fact]
    public void Split_ProseGoingOnAfterAFootnoteNumber_IsASentenceTailLeftOut()
    {
        var units = PassageUnits.Split(
            "The first tier of an incident response team often assumes responsibility for\n\n17\n\nintrusion detection. The team generally\n" +
            "benefits because it should be poised to analyze incidents more quickly and accurately.")
            .ToList();

        var tail = Assert.Single(units, u => u.Text == "intrusion detection.");
        Assert.True(UnquotableUnits.Excludes(tail));
        Assert.False(UnquotableUnits.Excludes(Assert.Single(units, u => u.Text.StartsWith("The team generally", StringComparison.Ordinal))));
    }

    [Fact]
    public void Split_APassageOpeningInLowerCase_OpensWithASentenceTail()
    {
        var units = PassageUnits.Split(
            "should include the authority of the incident response team to confiscate or disconnect equipment.\n" +
            "• Prioritization or severity ratings of incidents").ToList();

        Assert.True(UnquotableUnits.Excludes(units[0]));
        Assert.False(UnquotableUnits.Excludes(units[1]));
    }

    [Fact]
    public void Split_NumberedItemsWithoutFullStops_StayListItems()
    {
        var units = PassageUnits.Split(
            "Requirements for cybersecurity incident and threat management shall include the following as a minimum:\n" +
            "2.13.3.1 Cybersecurity incident response plans and escalation procedures\n2.13.3.2 Cybersecurity incident classification\n" +
            "2.13.3.3 Reporting cybersecurity incidents to the NCA").ToList();

        Assert.All(units.Skip(1), u => Assert.True(u.IsListItem, u.Text));
        Assert.All(units.Skip(1), u => Assert.False(UnquotableUnits.Excludes(u), u.Text));
    }
}
