using Microsoft.AspNetCore.Http.HttpResults;

namespace WorkingGroup.Server.Errors;

/// <summary>
/// The one error shape: RFC 9457 ProblemDetails with a stable machine-readable <c>code</c> extension.
/// Messages are given in Russian, then English.
/// </summary>
internal static class Problems
{
    public const string CodeKey = "code";

    public static ProblemHttpResult Unauthorized(string code, string detail) =>
        Create(StatusCodes.Status401Unauthorized, code, detail);

    public static ProblemHttpResult Forbidden(string code, string detail) =>
        Create(StatusCodes.Status403Forbidden, code, detail);

    public static ProblemHttpResult Conflict(string code, string detail) =>
        Create(StatusCodes.Status409Conflict, code, detail);

    public static ProblemHttpResult NotFound(string code, string detail) =>
        Create(StatusCodes.Status404NotFound, code, detail);

    /// <summary>A 400 naming the offending field.</summary>
    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            extensions: new Dictionary<string, object?> { [CodeKey] = "validation.failed" });

    private static ProblemHttpResult Create(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { [CodeKey] = code });

    /// <summary>The code given to a problem that does not carry one, from its status.</summary>
    public static string DefaultCode(int? status) => status switch
    {
        400 => "validation.failed",
        401 => "auth.unauthenticated",
        403 => "auth.forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "request.too_large",
        415 => "request.unsupported_media_type",
        422 => "rule_violated",
        _ when status >= 500 => "server.error",
        _ => "error",
    };
}
