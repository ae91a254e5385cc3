namespace KnowledgeBase.Api.Http;

/// <summary>
/// A request the service refuses, turned into a ProblemDetails response by <see cref="ProblemExceptionHandler"/>.
/// <see cref="Field"/> names the query parameter, body property, form part or file at fault; the response's detail
/// starts with it, and a 400 also lists it under "errors".
/// </summary>
internal sealed class ApiProblemException(int status, string title, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Field { get; } = field;

    public static ApiProblemException Invalid(string field, string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid request", detail, field);

    public static ApiProblemException NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "Not found", detail);

    public static ApiProblemException TooLarge(string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail);

    public static ApiProblemException Unsupported(string field, string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail, field);

    public static ApiProblemException Unauthorized(string detail) =>
        new(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ApiProblemException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ApiProblemException Unavailable(string detail) =>
        new(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);
}
