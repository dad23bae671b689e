namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// A business rule said no. The <see cref="Rule"/> is a stable, sentence-like code that doubles
/// as the localisation key of the message shown to the user (e.g. <c>rule.only_the_applicant_can_confirm</c>).
/// Mapped to 409 ProblemDetails by <see cref="ProblemHandler"/>. When a unique index refused the save (ADR 0081), the
/// database's failure is the inner exception.
/// </summary>
public sealed class BusinessRuleException(string rule, Exception? inner = null) : Exception(rule, inner)
{
    public string Rule { get; } = rule;
}

/// <summary>Something the caller asked for does not exist or is not theirs to see (404, never revealing which).</summary>
public sealed class NotFoundException() : Exception("not found");

/// <summary>The caller may see the resource but not do this to it (403).</summary>
public sealed class ForbiddenException(string rule) : Exception(rule)
{
    public string Rule { get; } = rule;
}

/// <summary>The input is invalid; carries field errors as localisation keys (400).</summary>
public sealed class InvalidInputException(Validation validation) : Exception("invalid input")
{
    public Validation Validation { get; } = validation;
}
