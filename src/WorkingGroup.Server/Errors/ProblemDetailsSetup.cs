using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace WorkingGroup.Server.Errors;

internal static class ProblemDetailsSetup
{
    /// <summary>Every error the server answers is a ProblemDetails with a stable <c>code</c> and a trace id.</summary>
    public static IServiceCollection AddWorkingGroupProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd(Problems.CodeKey, Problems.DefaultCode(problem.Status));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            problem.Instance ??= context.HttpContext.Request.Path;
            if (problem is HttpValidationProblemDetails validation)
            {
                // Name fields as they are spelled in the JSON body (camelCase), whichever validator found them.
                var errors = validation.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
                validation.Errors.Clear();
                foreach (var (field, messages) in errors)
                {
                    validation.Errors[field] = messages;
                }
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DomainExceptionHandler>();
        // Binding failures (malformed JSON, a bad route value) throw so that the handler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}

/// <summary>
/// Turns a request the server could not read (malformed JSON, a value of the wrong type, an unknown route value)
/// into a 400 ProblemDetails whose <c>errors</c> name the field, instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status400BadRequest
                ? "Запрос не может быть прочитан. / The request could not be read."
                : null,
            Detail = message,
        };
        problem.Extensions[Problems.CodeKey] = Problems.DefaultCode(badRequest.StatusCode);

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { } path } json)
        {
            var field = path.TrimStart('$').TrimStart('.');
            return (field.Length == 0 ? "body" : field, json.Message);
        }

        // e.g. Failed to bind parameter "Side side" from "XX".
        var message = exception.Message;
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (start >= 0 && end > start)
        {
            var parameter = message[(start + 1)..end].Split(' ').Last();
            return (parameter, message);
        }

        return ("body", message);
    }
}

internal static class StatusCodeProblems
{
    /// <summary>Empty 401/403/404/405 answers get a ProblemDetails body too (API paths only).</summary>
    public static IApplicationBuilder UseProblemDetailsForEmptyErrors(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Features.Get<IStatusCodeReExecuteFeature>() is null && Identity.AuthenticationSetup.IsApiRequest(http.Request))
            {
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = http.Response.StatusCode },
                });
            }
        });
}
