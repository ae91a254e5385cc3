namespace KnowledgeBase.Core.Ingestion.Parsing;

public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
    public const string Markdown = "text/markdown";
}
