using KnowledgeBase.Core.Answers;

namespace KnowledgeBase.Tests.Answers;

/// <summary>Lines as the PDFs of the corpus give them (NIST SP 800-61, SP 800-150, ITU-T X.1056, strategies).</summary>
public sealed class UnquotableUnitsTests
{
    [Theory]
    [InlineData("2.4.1 Team Models")]
    [InlineData("3.2 Detection and Analysis")]
    [InlineData("Annex A Incident Handling Scenarios")]
    [InlineData("Chapter 4: Follow-Up Mechanisms and Implementation Requirements")]
    [InlineData("Incident Response Team Structure")]
    [InlineData("A.2 Security incident management process")]
    public void IsHeading_ClauseAndTitleCaseLinesWithoutFullStop(string line) =>
        Assert.True(UnquotableUnits.IsHeading(line));

    [Theory]
    [InlineData("Organizations should establish an incident response team.")]
    [InlineData("The team should be available for contact by anyone who discovers or suspects that an incident involving the organization has occurred")]
    [InlineData("Incident Response Policy, Plan, and Procedure Creation:")]
    [InlineData("3 Organizations should share information about incidents.")]
    public void IsHeading_Sentences_AreNotHeadings(string line) =>
        Assert.False(UnquotableUnits.IsHeading(line));

    [Theory]
    [InlineData("Figure 3-1. Incident Response Life Cycle")]
    [InlineData("Figure 2-1: Information Sharing Architectures")]
    [InlineData("Table 3-2. Functional Impact Categories")]
    [InlineData("Table 2 – Security incident management team services")]
    [InlineData("Figure 7 Security incident management processes")]
    public void IsCaption_FigureAndTableTitles(string line) =>
        Assert.True(UnquotableUnits.IsCaption(line));

    [Theory]
    [InlineData("Table 3-2 lists the functional impact categories that an organization might use.")]
    [InlineData("Figure 3-1 illustrates the incident response life cycle.")]
    [InlineData("Tables are used to record the state of each incident.")]
    public void IsCaption_SentencesAboutAFigure_AreQuotable(string line) =>
        Assert.False(UnquotableUnits.IsCaption(line));

    [Theory]
    [InlineData("3.2 Detection and Analysis ................................................................ 3-6")]
    [InlineData("Table of Contents")]
    [InlineData("2.3.2 Team Model Selection 2-9")]
    [InlineData("Appendix A— Incident Handling Scenarios . . . . . . A-1")]
    public void IsContentsLine_ContentsEntries(string line) =>
        Assert.True(UnquotableUnits.IsContentsLine(line));

    [Fact]
    public void IsContentsLine_ASentenceEndingInANumber_IsQuotable() =>
        Assert.False(UnquotableUnits.IsContentsLine("The strategy will invest $1.67 billion over 10 years."));

    [Theory]
    [InlineData("I n t e r n a t i o n a l T e l e c o m m u n i c a t i o n U n i o n")]
    [InlineData("1 2 3 4 5 Low Medium High 0.5 1.0")]
    [InlineData("Category 12 34 56 78 90 Total")]
    [InlineData("%% 0x3F / 0x41 – 12/14 :: ## ¤¤ 7 ±")]
    [InlineData("inci dent res pon se te am sh ou ld be av ai la ble")]
    public void IsGarbled_TableRowsLetterSpacingAndBrokenWords(string line) =>
        Assert.True(UnquotableUnits.IsGarbled(line));

    [Theory]
    [InlineData("It is important to disseminate concepts that encourage innovation in the society.")]
    [InlineData("An organization should have a team of 2 to 4 handlers on call at all times, 24 hours a day, 7 days a week.")]
    [InlineData("See SP 800-61 Revision 2, sections 3.1, 3.2 and 3.3, for the details of each phase.")]
    [InlineData("If it is so, do it as it is set up in the plan of the CSIRT.")]
    public void IsGarbled_Prose_IsQuotable(string line) =>
        Assert.False(UnquotableUnits.IsGarbled(line));

    [Fact]
    public void Excludes_AListItemWithoutFullStop_IsKept() =>
        Assert.False(UnquotableUnits.Excludes(new PassageUnit("• Shared Situational Awareness", true)));

    [Fact]
    public void Excludes_TheSameLineOutsideAList_IsAHeading() =>
        Assert.True(UnquotableUnits.Excludes(new PassageUnit("Shared Situational Awareness", false)));
}
