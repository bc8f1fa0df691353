using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Common;

namespace WorkingGroup.Server.Errors;

/// <summary>
/// A refusal of the Regulation becomes a ProblemDetails: 409 when the request conflicts with the current state,
/// 422 when it breaks a rule; the domain's stable code is kept and the message is given in both languages.
/// A lost optimistic-concurrency race that reaches here is a 409 too: nothing was written, the caller may retry.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException refusal => FromRefusal(refusal),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Данные изменились одновременно с вашим запросом. / The data changed while your request was processed.",
                Detail = "Обновите данные и повторите действие. / Reload and try again.",
                Extensions = { [Problems.CodeKey] = "concurrency.conflict" },
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromRefusal(DomainException refusal)
    {
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en";
        return new ProblemDetails
        {
            Status = refusal.Kind == ErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            Title = russian ? "Действие не допускается Положением." : "The Regulation does not allow this.",
            Detail = russian ? refusal.MessageRu : refusal.MessageEn,
            Extensions =
            {
                [Problems.CodeKey] = refusal.Code,
                ["messageRu"] = refusal.MessageRu,
                ["messageEn"] = refusal.MessageEn,
            },
        };
    }
}
