using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Timers;

/// <summary>
/// Fires due timers. Each timer is claimed and fired in one transaction with its step, so it fires once;
/// on PostgreSQL the claim is <c>FOR UPDATE SKIP LOCKED</c>, so several server processes share the work.
/// Timers that fell due while the server was down fire on the first poll after start-up.
/// </summary>
public sealed class WorkflowTimerService : BackgroundService
{
    private readonly IWorkflowDbContextFactory contexts;
    private readonly WorkflowRuntime runtime;
    private readonly TimeProvider clock;
    private readonly WorkflowEngineOptions options;
    private readonly ILogger<WorkflowTimerService> logger;

    internal WorkflowTimerService(
        IWorkflowDbContextFactory contexts, WorkflowRuntime runtime, TimeProvider clock, WorkflowEngineOptions options, ILogger<WorkflowTimerService> logger)
    {
        this.contexts = contexts;
        this.runtime = runtime;
        this.clock = clock;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>Fires the timers due now; returns how many fired.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var fired = 0;
        var skipped = new HashSet<string>();
        while (fired + skipped.Count < options.TimerBatchSize && !cancellationToken.IsCancellationRequested)
        {
            await using var db = await contexts.CreateAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var timer = await ClaimAsync(db, clock.GetUtcNow(), skipped, cancellationToken);
            if (timer is null)
            {
                break;
            }

            try
            {
                await runtime.FireTimerAsync(db, timer, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                fired++;
            }
            catch (WorkflowNotFoundException)
            {
                // The claim's transaction holds the row lock, so the orphan is deleted in it.
                db.ChangeTracker.Clear();
                await db.Set<WorkflowTimerRecord>().Where(t => t.Id == timer.Id).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning(exception, "Timer {TimerId} of instance {InstanceId} did not fire; it is retried on the next poll.", timer.Id, timer.InstanceId);
                skipped.Add(timer.Id);
            }
        }

        return fired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FireDueTimersAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Firing due timers failed.");
            }

            try
            {
                await Task.Delay(options.TimerPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<WorkflowTimerRecord?> ClaimAsync(DbContext db, DateTimeOffset now, HashSet<string> skipped, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(WorkflowTimerRecord))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var dueAt = sql.DelimitIdentifier(entity.FindProperty(nameof(WorkflowTimerRecord.DueAt))!.GetColumnName());
        var lockClause = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var limit = skipped.Count + 1;
        var query = $"SELECT * FROM {table} WHERE {dueAt} <= {{0}} ORDER BY {dueAt} LIMIT {limit}{lockClause}";
        var due = await db.Set<WorkflowTimerRecord>()
            .FromSqlRaw(query, now.UtcTicks)
            .ToListAsync(cancellationToken);
        return due.FirstOrDefault(t => !skipped.Contains(t.Id));
    }
}
