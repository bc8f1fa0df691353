using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Persistence.Domain;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>Units of work on the server's database, each in a scope (and so a DbContext) of its own, as a request would have.</summary>
internal static class Store
{
    public static async Task SaveNewAsync(this AppFixture app, params object[] aggregates)
    {
        await app.InScopeAsync(db =>
        {
            db.AddRange(aggregates);
            return db.SaveChangesAsync();
        });
    }

    public static async Task<T> InScopeAsync<T>(this AppFixture app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task InScopeAsync(this AppFixture app, Func<AppDbContext, Task> work) =>
        app.InScopeAsync(async db =>
        {
            await work(db);
            return true;
        });

    public static Task<GroupComposition> CompositionAsync(this AppDbContext db, GroupComposition established) =>
        db.Compositions.AsSplitQuery().SingleAsync(c => c.Id == established.Id);

    public static Task<Meeting> MeetingAsync(this AppDbContext db, Meeting meeting) =>
        db.Meetings.AsSplitQuery().SingleAsync(m => m.Id == meeting.Id);

    public static Task<Protocol> ProtocolAsync(this AppDbContext db, Protocol protocol) =>
        db.Protocols.SingleAsync(p => p.Id == protocol.Id);

    public static Task<Decision> DecisionAsync(this AppDbContext db, Decision decision) =>
        db.Decisions.SingleAsync(d => d.Id == decision.Id);

    /// <summary>The row's concurrency token as stored now.</summary>
    public static Task<Guid> TokenAsync<T>(this AppDbContext db, Guid id)
        where T : class =>
        db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id).Select(e => EF.Property<Guid>(e, AggregateVersions.Token)).SingleAsync();
}
