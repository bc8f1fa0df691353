using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkingGroup.Workflows.Persistence;

/// <summary>
/// The rows of one step, written without the change tracker: parameterised statements (table and column names and
/// value conversions from the context's EF model) sent as one command — on PostgreSQL one round trip — through
/// EF Core's command pipeline (logging, interceptors), on the context's connection and in its transaction.
/// </summary>
/// <remarks>
/// <para>Every statement but one kind writes exactly one row: the instance UPDATE checks the concurrency stamp the step
/// read, deletes and task updates go by key. A step that lost a race (or whose bookmark is gone) finds fewer rows, and
/// <see cref="SaveAsync"/> throws <see cref="DbUpdateConcurrencyException"/>, as EF Core's row-count check did,
/// before anything commits; another database error is wrapped in <see cref="DbUpdateException"/>. The exception is
/// <see cref="CancelOpenTasksOf"/>, which may find any number of rows: its count is not checked.</para>
/// <para>How a statement's row count is checked depends on the provider. Generic SQL (SQLite): inserts other than
/// the instance's skip a row whose key is taken (<c>ON CONFLICT DO NOTHING</c>), and the command's total row count
/// must equal its statement count, inside an explicit transaction that is not committed when it does not; an unchecked
/// statement there ends in <c>RETURNING 1</c> and its returned rows are taken off the total, so a command with one is
/// read as a data reader (still one command).
/// PostgreSQL: each UPDATE and DELETE is guarded — <c>WITH w AS (… RETURNING 1) SELECT 1 / COUNT(*) FROM w</c> — so
/// a statement that finds no row fails with <c>division_by_zero</c> and PostgreSQL aborts the whole command (an
/// unchecked statement is a plain UPDATE). A
/// PostgreSQL step then needs no explicit transaction when it has nothing else to save: its one command is one
/// implicit transaction (all statements up to the protocol's Sync commit together or not at all), which saves
/// the COMMIT round trip.</para>
/// </remarks>
internal sealed class StepBatch(DbContext db)
{
    /// <summary>Statements per command: keeps a long step's command within the providers' parameter limits.</summary>
    public const int MaxStatementsPerCommand = 100;

    /// <summary>The SQLSTATE of PostgreSQL's division by zero: a guarded statement found no row.</summary>
    private const string DivisionByZero = "22012";

    private const string LostRace =
        "The workflow step found a row changed or gone: a concurrent step changed the instance or consumed its bookmark since it was read.";

    private readonly StepSql sql = StepSql.For(db);
    private readonly List<(StepStatement Statement, object?[] Values)> statements = [];

    public int Count => statements.Count;

    /// <summary>Inserts a new instance; a taken id fails with the database's error.</summary>
    public void InsertInstance(WorkflowInstanceRecord record) => statements.Add((sql.InstanceInsert, sql.InstanceInsert.ValuesOf(record)));

    /// <summary>Updates what a step changes on its instance, if its concurrency stamp is still <paramref name="readStamp"/>.</summary>
    public void UpdateInstance(WorkflowInstanceRecord record, long readStamp) => statements.Add((sql.InstanceUpdate,
    [
        record.State, record.Status, record.SubStatus, record.IncidentCount, record.UpdatedAt, record.FinishedAt, record.ConcurrencyStamp,
        record.Id, readStamp,
    ]));

    public void DeleteBookmark(string id) => statements.Add((sql.BookmarkDelete, [id]));

    public void DeleteTimer(string id) => statements.Add((sql.TimerDelete, [id]));

    public void CompleteTask(string id, DateTimeOffset completedAt, string? completedBy, string? result) =>
        statements.Add((sql.TaskCompletion, [WorkflowTaskStatus.Completed, completedAt, completedBy, result, id]));

    /// <summary>
    /// Cancels the open tasks anchored on a bookmark dropped without being resumed: the engine's own task of a RunTask
    /// and those a host activity wrote itself with the bookmark's id. There may be none, so the row count is not checked.
    /// </summary>
    public void CancelOpenTasksOf(string bookmarkId, DateTimeOffset cancelledAt, string? cancelledBy) =>
        statements.Add((sql.OpenTasksCancellation, [WorkflowTaskStatus.Cancelled, cancelledAt, cancelledBy, bookmarkId, WorkflowTaskStatus.Open]));

    /// <summary>Inserts a bookmark, timer, task, journal or outbox row (all its mapped properties).</summary>
    public void Insert<T>(T record)
        where T : class
    {
        var statement = sql.InsertOf(typeof(T));
        statements.Add((statement, statement.ValuesOf(record)));
    }

    /// <summary>
    /// Saves the step: in the context's transaction if one is open (the host's), else in a new one committed here;
    /// entities the step's activities changed in the context are saved first, in the same transaction.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var hostChanges = db.ChangeTracker.HasChanges();
        if (statements.Count == 0 && !hostChanges)
        {
            return;
        }

        if (sql.Guarded && !hostChanges && db.Database.CurrentTransaction is null && statements.Count <= MaxStatementsPerCommand)
        {
            await ExecuteAsync(0, statements.Count, cancellationToken);
            return;
        }

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (hostChanges)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            for (var first = 0; first < statements.Count; first += MaxStatementsPerCommand)
            {
                await ExecuteAsync(first, Math.Min(MaxStatementsPerCommand, statements.Count - first), cancellationToken);
            }

            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private async Task ExecuteAsync(int first, int count, CancellationToken cancellationToken)
    {
        var command = sql.CommandFor(statements, first, count);
        var values = new Dictionary<string, object?>(command.Parameters.Count);
        var uncounted = 0;
        for (var i = first; i < first + count; i++)
        {
            uncounted += statements[i].Statement.Checked ? 0 : 1;
            foreach (var value in statements[i].Values)
            {
                values[sql.Parameter(values.Count).Invariant] = value;
            }
        }

        var parameters = new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), values, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.SaveChanges);
        int written;
        try
        {
            written = sql.Guarded || uncounted == 0
                ? await command.ExecuteNonQueryAsync(parameters, cancellationToken)
                : await CheckedRowsAsync(command, parameters, cancellationToken);
        }
        catch (DbException exception) when (sql.Guarded && exception.SqlState == DivisionByZero)
        {
            throw new DbUpdateConcurrencyException(LostRace, exception);
        }
        catch (DbException exception)
        {
            throw new DbUpdateException("Saving the workflow step failed; see the inner exception.", exception);
        }

        if (!sql.Guarded && written != count - uncounted)
        {
            throw new DbUpdateConcurrencyException($"{LostRace} ({written} of {count - uncounted} rows written)");
        }
    }

    /// <summary>The rows the checked statements wrote: all rows written less those the unchecked ones returned.</summary>
    private static async Task<int> CheckedRowsAsync(IRelationalCommand command, RelationalCommandParameterObject parameters, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(parameters, cancellationToken);
        var returned = 0;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                returned++;
            }
        }
        while (await reader.DbDataReader.NextResultAsync(cancellationToken));

        return reader.DbDataReader.RecordsAffected - returned;
    }
}

/// <summary>One statement's SQL around its parameters, with each parameter's type mapping (value converters included).</summary>
internal sealed class StepStatement
{
    private readonly string[] segments;
    private readonly IProperty[] parameters;
    private readonly RelationalTypeMapping[] mappings;

    public StepStatement(char code, List<string> segments, List<IProperty> parameters, bool isChecked = true)
    {
        Code = code;
        Checked = isChecked;
        this.segments = [.. segments];
        this.parameters = [.. parameters];
        mappings = [.. parameters.Select(p => p.GetRelationalTypeMapping())];
    }

    /// <summary>Names the statement in the key of a cached command (<see cref="StepSql.CommandFor"/>).</summary>
    public char Code { get; }

    /// <summary>Whether the statement must write exactly one row (see <see cref="StepBatch"/>).</summary>
    public bool Checked { get; }

    public int ParameterCount => parameters.Length;

    /// <summary>The values of an insert's parameters (all mapped properties) read through the model's getters.</summary>
    public object?[] ValuesOf(object record)
    {
        var values = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            values[i] = parameters[i].GetGetter().GetClrValueUsingContainingEntity(record);
        }

        return values;
    }

    /// <summary>Appends the statement's SQL and parameters; its first parameter is the command's <paramref name="next"/>-th.</summary>
    public void Append(StringBuilder text, IRelationalCommandBuilder builder, ref int next, StepSql sql)
    {
        text.Append(segments[0]);
        for (var i = 0; i < parameters.Length; i++)
        {
            var (invariant, name, placeholder) = sql.Parameter(next++);
            builder.AddParameter(invariant, name, mappings[i], parameters[i].IsNullable);
            text.Append(placeholder).Append(segments[i + 1]);
        }
    }
}

/// <summary>The step's statements for one EF model, made once from its metadata.</summary>
internal sealed class StepSql
{
    private const int MaxCachedCommands = 256;

    private static readonly ConditionalWeakTable<IModel, StepSql> Cache = [];

    private readonly ConcurrentDictionary<string, IRelationalCommand> commands = new(StringComparer.Ordinal);

    private readonly ISqlGenerationHelper helper;
    private readonly Dictionary<Type, StepStatement> inserts = [];
    private readonly (string Invariant, string Name, string Placeholder)[] parameterNames;

    private StepSql(IModel model, ISqlGenerationHelper helper, IRelationalCommandBuilderFactory commands, bool guarded)
    {
        this.helper = helper;
        Commands = commands;
        Guarded = guarded;
        foreach (var (type, code) in new[]
                 {
                     (typeof(WorkflowBookmarkRecord), 'b'), (typeof(WorkflowTimerRecord), 'm'), (typeof(WorkflowTaskRecord), 't'),
                     (typeof(WorkflowJournalRecord), 'j'), (typeof(WorkflowOutboxRecord), 'o'),
                 })
        {
            inserts[type] = Insert(code, Entity(model, type), ignoreTakenKey: !guarded);
        }

        var instance = Entity(model, typeof(WorkflowInstanceRecord));
        InstanceInsert = Insert('i', instance, ignoreTakenKey: false);
        InstanceUpdate = Update(
            'I',
            instance,
            [
                nameof(WorkflowInstanceRecord.State), nameof(WorkflowInstanceRecord.Status), nameof(WorkflowInstanceRecord.SubStatus),
                nameof(WorkflowInstanceRecord.IncidentCount), nameof(WorkflowInstanceRecord.UpdatedAt), nameof(WorkflowInstanceRecord.FinishedAt),
                nameof(WorkflowInstanceRecord.ConcurrencyStamp),
            ],
            [nameof(WorkflowInstanceRecord.Id), nameof(WorkflowInstanceRecord.ConcurrencyStamp)]);
        BookmarkDelete = Delete('B', Entity(model, typeof(WorkflowBookmarkRecord)));
        TimerDelete = Delete('M', Entity(model, typeof(WorkflowTimerRecord)));
        TaskCompletion = Update(
            'T',
            Entity(model, typeof(WorkflowTaskRecord)),
            [nameof(WorkflowTaskRecord.Status), nameof(WorkflowTaskRecord.CompletedAt), nameof(WorkflowTaskRecord.CompletedBy), nameof(WorkflowTaskRecord.Result)],
            [nameof(WorkflowTaskRecord.Id)]);
        OpenTasksCancellation = Update(
            'C',
            Entity(model, typeof(WorkflowTaskRecord)),
            [nameof(WorkflowTaskRecord.Status), nameof(WorkflowTaskRecord.CompletedAt), nameof(WorkflowTaskRecord.CompletedBy)],
            [nameof(WorkflowTaskRecord.BookmarkId), nameof(WorkflowTaskRecord.Status)],
            isChecked: false);

        // The most parameters one command can have: a full command of the widest statement.
        var widest = inserts.Values.Append(InstanceInsert).Append(InstanceUpdate).Max(s => s.ParameterCount);
        parameterNames = [.. Enumerable.Range(0, StepBatch.MaxStatementsPerCommand * widest).Select(i =>
        {
            var invariant = "p" + i.ToString(CultureInfo.InvariantCulture);
            return (invariant, helper.GenerateParameterName(invariant), helper.GenerateParameterNamePlaceholder(invariant));
        })];
    }

    public IRelationalCommandBuilderFactory Commands { get; }

    /// <summary>PostgreSQL: UPDATEs and DELETEs that find no row fail (see <see cref="StepBatch"/>).</summary>
    public bool Guarded { get; }

    public StepStatement InstanceInsert { get; }

    public StepStatement InstanceUpdate { get; }

    public StepStatement BookmarkDelete { get; }

    public StepStatement TimerDelete { get; }

    public StepStatement TaskCompletion { get; }

    public StepStatement OpenTasksCancellation { get; }

    /// <summary>
    /// The command for a sequence of statements, built once per sequence (a resume's, a start's, …) and reused with
    /// new parameter values, as EF Core reuses a query's command.
    /// </summary>
    public IRelationalCommand CommandFor(List<(StepStatement Statement, object?[] Values)> statements, int first, int count)
    {
        var key = string.Create(count, (statements, first), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.statements[state.first + i].Statement.Code;
            }
        });
        if (commands.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var builder = Commands.Create();
        var text = new StringBuilder();
        var next = 0;
        for (var i = first; i < first + count; i++)
        {
            statements[i].Statement.Append(text, builder, ref next, this);
        }

        var command = builder.Append(text.ToString()).Build();
        // Steps come in few shapes; an unusual one (a long burst) is not kept.
        if (commands.Count < MaxCachedCommands)
        {
            commands.TryAdd(key, command);
        }

        return command;
    }

    public static StepSql For(DbContext db) =>
        Cache.TryGetValue(db.Model, out var cached)
            ? cached
            : Cache.GetValue(db.Model, model => new StepSql(
                model, db.GetService<ISqlGenerationHelper>(), db.GetService<IRelationalCommandBuilderFactory>(),
                guarded: db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"));

    public StepStatement InsertOf(Type type) => inserts[type];

    /// <summary>The n-th parameter of a command: its invariant name, its name, its placeholder in the SQL.</summary>
    public (string Invariant, string Name, string Placeholder) Parameter(int index) => parameterNames[index];

    private static IEntityType Entity(IModel model, Type type) =>
        model.FindEntityType(type) ?? throw new InvalidOperationException($"The context's model has no {type.Name}: call ApplyWorkflowEngineModel in OnModelCreating.");

    private StepStatement Insert(char code, IEntityType entity, bool ignoreTakenKey)
    {
        var table = Table(entity);
        var properties = entity.GetProperties().ToList();
        var head = new StringBuilder($"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} (");
        head.AppendJoin(", ", properties.Select(p => helper.DelimitIdentifier(p.GetColumnName(table)!)));
        head.Append(") VALUES (");
        var segments = new List<string> { head.ToString() };
        segments.AddRange(properties.Skip(1).Select(_ => ", "));
        segments.Add(")" + (ignoreTakenKey ? " ON CONFLICT DO NOTHING" : string.Empty) + helper.StatementTerminator + "\n");
        return new StepStatement(code, segments, properties);
    }

    private StepStatement Update(char code, IEntityType entity, string[] set, string[] where, bool isChecked = true)
    {
        var table = Table(entity);
        var segments = new List<string>();
        var parameters = new List<IProperty>();
        var text = new StringBuilder($"{GuardStart(isChecked)}UPDATE {helper.DelimitIdentifier(table.Name, table.Schema)} SET ");
        foreach (var (name, index) in set.Select((n, i) => (n, i)))
        {
            text.Append(index == 0 ? string.Empty : ", ").Append(Column(entity, table, name, parameters)).Append(" = ");
            segments.Add(text.ToString());
            text.Clear();
        }

        AppendWhere(entity, table, where, segments, parameters, text, isChecked);
        return new StepStatement(code, segments, parameters, isChecked);
    }

    private StepStatement Delete(char code, IEntityType entity)
    {
        var table = Table(entity);
        var segments = new List<string>();
        var parameters = new List<IProperty>();
        var text = new StringBuilder($"{GuardStart(isChecked: true)}DELETE FROM {helper.DelimitIdentifier(table.Name, table.Schema)}");
        AppendWhere(entity, table, [.. entity.FindPrimaryKey()!.Properties.Select(p => p.Name)], segments, parameters, text, isChecked: true);
        return new StepStatement(code, segments, parameters);
    }

    private void AppendWhere(
        IEntityType entity, StoreObjectIdentifier table, string[] where, List<string> segments, List<IProperty> parameters, StringBuilder text, bool isChecked)
    {
        foreach (var (name, index) in where.Select((n, i) => (n, i)))
        {
            text.Append(index == 0 ? " WHERE " : " AND ").Append(Column(entity, table, name, parameters)).Append(" = ");
            segments.Add(text.ToString());
            text.Clear();
        }

        // Checked: guarded on PostgreSQL, counted in the command's total elsewhere. Unchecked: nothing to guard on
        // PostgreSQL; elsewhere its rows are returned, to be taken off the total.
        var end = (isChecked, Guarded) switch
        {
            (true, true) => " RETURNING 1) SELECT 1 / COUNT(*) FROM w",
            (false, false) => " RETURNING 1",
            _ => string.Empty,
        };
        segments.Add(end + helper.StatementTerminator + "\n");
    }

    private string GuardStart(bool isChecked) => Guarded && isChecked ? "WITH w AS (" : string.Empty;

    private string Column(IEntityType entity, StoreObjectIdentifier table, string propertyName, List<IProperty> parameters)
    {
        var property = entity.FindProperty(propertyName)!;
        parameters.Add(property);
        return helper.DelimitIdentifier(property.GetColumnName(table)!);
    }

    private static StoreObjectIdentifier Table(IEntityType entity) =>
        StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
}
