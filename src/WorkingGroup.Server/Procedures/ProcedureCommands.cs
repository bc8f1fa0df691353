using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Server.Procedures;

/// <summary>
/// Runs one command of a person against the domain: in one transaction it loads what the command needs,
/// lets the domain judge it (a refusal throws <see cref="WorkingGroup.Domain.Common.DomainException"/> and nothing
/// is written, as when the command answers a problem instead), saves the change, and publishes the command's <see cref="ProcedureEvents">events</see> to the
/// workflow engine inside the same transaction, so the procedure steps they cause commit with the command or not at
/// all. A command that loses a race is run again on fresh data (up to three times): on a concurrency token, or on the
/// key of a row it inserts that a concurrent command inserted first (a file's bytes stored under their hash), which the
/// command then finds.
/// </summary>
public sealed class ProcedureCommands(IDbContextFactory<AppDbContext> contexts, WorkflowRuntime runtime, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    // SQLite's extended result codes SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE.
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteUniqueViolation = 2067;

    /// <summary>Runs <paramref name="command"/> for <paramref name="user"/>; its result is returned after the commit.</summary>
    public async Task<T> RunAsync<T>(ClaimsPrincipal user, Func<ProcedureCommand, Task<T>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(command);
        var personId = PersonIdOf(user);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var context = new ProcedureCommand(db, personId, clock, cancellationToken);
                var result = await command(context);
                if (IsRefusal(result))
                {
                    // A command that answers a problem instead of throwing writes nothing and raises nothing.
                    await transaction.RollbackAsync(CancellationToken.None);
                    return result;
                }

                await db.SaveChangesAsync(cancellationToken);
                foreach (var raised in context.Raised)
                {
                    await runtime.PublishEventAsync(db, raised.Name, raised.CorrelationId, raised.Payload, personId.ToString(), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && (e is DbUpdateConcurrencyException || IsDuplicateKey(e)))
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>The save inserted a row whose primary or unique key another transaction has committed meanwhile.</summary>
    internal static bool IsDuplicateKey(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqliteException { SqliteExtendedErrorCode: SqlitePrimaryKeyViolation or SqliteUniqueViolation } => true,
        _ => false,
    };

    /// <summary>Whether a command's answer is an HTTP problem (4xx/5xx), directly or inside a <c>Results&lt;…&gt;</c> union.</summary>
    internal static bool IsRefusal(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: >= 400 } => true,
        INestedHttpResult nested => IsRefusal(nested.Result),
        _ => false,
    };

    /// <summary>The person behind a signed-in user: the account id is the person's id in the composition.</summary>
    public static Guid PersonIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The command needs a signed-in person.");
}

/// <summary>What a running command sees: the database, the person and the composition, the clock; and where it raises events.</summary>
public sealed class ProcedureCommand
{
    private readonly List<RaisedEvent> raised = [];
    private GroupComposition? composition;

    internal ProcedureCommand(AppDbContext db, Guid personId, TimeProvider clock, CancellationToken cancellationToken)
    {
        Db = db;
        PersonId = personId;
        Clock = clock;
        CancellationToken = cancellationToken;
    }

    public AppDbContext Db { get; }

    public Guid PersonId { get; }

    public TimeProvider Clock { get; }

    public CancellationToken CancellationToken { get; }

    internal IReadOnlyList<RaisedEvent> Raised => raised;

    /// <summary>The person as the domain judges them: the current composition and the clock.</summary>
    public async Task<Caller> CallerAsync() => new(PersonId, await CompositionAsync(), Clock);

    /// <summary>The group's composition (tracked: a composition change saves with the command).</summary>
    public async Task<GroupComposition> CompositionAsync() =>
        composition ??= await Db.Compositions.CurrentAsync(CancellationToken)
            ?? throw new InvalidOperationException("The group has no composition yet.");

    /// <summary>Raises a procedure event (see <see cref="ProcedureEvents"/>); published after the command's save, in its transaction.</summary>
    public void Raise(string eventName, Guid correlationId, JsonObject? payload = null) =>
        raised.Add(new RaisedEvent(eventName, correlationId.ToString(), payload ?? []));
}

internal sealed record RaisedEvent(string Name, string CorrelationId, JsonObject Payload);
