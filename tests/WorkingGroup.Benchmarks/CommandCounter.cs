using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkingGroup.Benchmarks;

/// <summary>
/// Counts the SQL commands and commits EF Core sends and the time spent waiting on the database (opening
/// connections, commands until their first result, commits), to split an operation into database and client time.
/// </summary>
internal sealed class CommandCounter : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private long commands;
    private long commits;
    private long databaseTicks;

    public long Commands => Interlocked.Read(ref commands);

    public long Commits => Interlocked.Read(ref commits);

    public TimeSpan DatabaseTime => TimeSpan.FromTicks(Interlocked.Read(ref databaseTicks));

    public void Reset()
    {
        Interlocked.Exchange(ref databaseTicks, 0);
        Interlocked.Exchange(ref commands, 0);
        Interlocked.Exchange(ref commits, 0);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commits);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Add(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Add(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add(eventData.Duration);
        return Task.CompletedTask;
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add(eventData.Duration);
        return Task.CompletedTask;
    }

    private void Add(TimeSpan duration) => Interlocked.Add(ref databaseTicks, duration.Ticks);
}
