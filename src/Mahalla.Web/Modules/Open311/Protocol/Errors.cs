namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>One error of the spec's error list: a code (usually the HTTP status) and a description for the user.</summary>
internal sealed record Open311Error(int Code, string Description);

/// <summary>
/// A request the GeoReport API refuses, with the HTTP status the spec prescribes: 400 for a missing or invalid
/// parameter (or any failure while processing), 403 for a missing or wrong <c>api_key</c>, 404 for a
/// jurisdiction, service, request or token that does not exist, 429 for too many requests.
/// Descriptions are English and never echo personal data back.
/// </summary>
internal sealed class Open311Exception(int status, IReadOnlyList<Open311Error> errors) : Exception(errors[0].Description)
{
    public Open311Exception(int status, string description) : this(status, [new Open311Error(status, description)])
    {
    }

    public int Status { get; } = status;

    public IReadOnlyList<Open311Error> Errors { get; } = errors;

    public static Open311Exception BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static Open311Exception NotFound(string description) => new(StatusCodes.Status404NotFound, description);

    public static Open311Exception Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);

    public static Node Document(IEnumerable<Open311Error> errors) =>
        new Many("errors", "error", errors.Select(e => (Node)new Group("error", new Leaf("code", e.Code), new Leaf("description", e.Description))).ToList());

    /// <summary>
    /// A parameter's value as it may follow its name in a description (<c>service_code 'roads'</c>): only a short
    /// code-like value is echoed, never free text, so that no description repeats what a person wrote.
    /// </summary>
    public static string Quoted(string? value) =>
        value is { Length: > 0 and <= 40 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? $" '{value}'"
            : "";
}
