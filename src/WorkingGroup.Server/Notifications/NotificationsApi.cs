using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Notifications;

/// <summary>The signed-in person's in-app notifications (the procedures write them beside the e-mails).</summary>
internal static class NotificationsApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();

        group.MapGet("/", Mine)
            .WithName("MyNotifications")
            .WithSummary("My notifications, newest first")
            .WithDescription("`unread=true` lists only unread ones; `take` (1–200, default 50) limits the page.")
            .ProducesValidationProblem();

        group.MapPost("/{notificationId:guid}/read", MarkRead)
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one of my notifications read (idempotent)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Ok<List<NotificationResponse>>, ValidationProblem>> Mine(
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct, bool unread = false, int take = DefaultPageSize)
    {
        if (take is < 1 or > MaxPageSize)
        {
            return Problems.Validation("take", $"Укажите от 1 до {MaxPageSize}. / Give 1 to {MaxPageSize}.");
        }

        var personId = ProcedureCommands.PersonIdOf(user);
        var query = db.Notifications.AsNoTracking().Where(n => n.PersonId == personId);
        if (unread)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var page = await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Take(take).ToListAsync(ct);
        return TypedResults.Ok(page.Select(n => new NotificationResponse(n.Id, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        Guid notificationId, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var personId = ProcedureCommands.PersonIdOf(user);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.PersonId == personId, ct);
        if (notification is null)
        {
            return Problems.NotFound("notification.not_found", "Уведомление не найдено. / Notification not found.");
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>One in-app notification.</summary>
/// <param name="Id">The notification's id.</param>
/// <param name="Subject">Its subject (as the e-mail's).</param>
/// <param name="Body">Its text.</param>
/// <param name="Link">Where the matter is, if anywhere.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="ReadAt">When the person read it; null while unread.</param>
public sealed record NotificationResponse(Guid Id, string Subject, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
