using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkingGroup.Workflows.Persistence;

/// <summary>
/// A step's instance look-ups as compiled queries, untracked (the step writes the instance with
/// <see cref="StepBatch"/>): no LINQ tree to walk and look up in the query cache per step. A compiled query serves
/// one model, so there is a set per model (a host may have several contexts, e.g. SQLite and PostgreSQL).
/// </summary>
internal sealed class InstanceQueries
{
    private static readonly ConditionalWeakTable<IModel, InstanceQueries> Cache = [];

    public Func<DbContext, string, CancellationToken, Task<WorkflowInstanceRecord?>> ById { get; } =
        EF.CompileAsyncQuery((DbContext db, string id, CancellationToken _) =>
            db.Set<WorkflowInstanceRecord>().AsNoTracking().FirstOrDefault(i => i.Id == id));

    public Func<DbContext, string, CancellationToken, Task<WorkflowInstanceRecord?>> ByBookmark { get; } =
        EF.CompileAsyncQuery((DbContext db, string bookmarkId, CancellationToken _) =>
            db.Set<WorkflowInstanceRecord>().AsNoTracking().FirstOrDefault(i => db.Set<WorkflowBookmarkRecord>().Any(b => b.Id == bookmarkId && b.InstanceId == i.Id)));

    public Func<DbContext, string, CancellationToken, Task<WorkflowInstanceRecord?>> ByOpenTask { get; } =
        EF.CompileAsyncQuery((DbContext db, string taskId, CancellationToken _) =>
            db.Set<WorkflowInstanceRecord>().AsNoTracking().FirstOrDefault(i =>
                db.Set<WorkflowTaskRecord>().Any(t => t.Id == taskId && t.Status == WorkflowTaskStatus.Open && t.InstanceId == i.Id)));

    public static InstanceQueries For(DbContext db) => Cache.GetValue(db.Model, _ => new InstanceQueries());
}
