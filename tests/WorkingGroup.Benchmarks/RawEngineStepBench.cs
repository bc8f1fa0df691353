using System.Data.Common;

namespace WorkingGroup.Benchmarks;

/// <summary>
/// The rows an engine resume writes, written by hand: it separates the cost of the database work (one read,
/// five writes with their indexes) from EF Core's and the engine's. Same shape as the engine's step: the
/// instance found through its open task, then in one batch the bookmark deleted, the instance updated, two
/// journal rows inserted (one per activity execution: the resumed task's and the next activity's Completed)
/// and the task completed, then the commit.
/// </summary>
internal static class RawEngineStepBench
{
    private const int JournalRows = 2;

    public static async Task<Measurement> RunAsync(BenchStore store, int workers, int count, int rounds, int stateLength)
    {
        var state = new string('s', stateLength);
        var rows = count * (rounds + 1);
        await using (var connection = RawBench.Open(store))
        {
            await connection.OpenAsync();
            await RawBench.ExecuteAsync(connection, null, """
                CREATE TABLE step_instances (id varchar(64) PRIMARY KEY, state text NOT NULL, stamp bigint NOT NULL, updated_at bigint NOT NULL);
                CREATE TABLE step_bookmarks (id varchar(64) PRIMARY KEY, instance_id varchar(64) NOT NULL, name text NOT NULL, hash text NOT NULL, payload text NOT NULL);
                CREATE INDEX ix_step_bookmarks_instance ON step_bookmarks (instance_id);
                CREATE INDEX ix_step_bookmarks_name_hash ON step_bookmarks (name, hash);
                CREATE TABLE step_tasks (id varchar(64) PRIMARY KEY, instance_id varchar(64) NOT NULL, bookmark_id varchar(64) NOT NULL, status varchar(16) NOT NULL, completed_at bigint, completed_by text);
                CREATE INDEX ix_step_tasks_bookmark ON step_tasks (bookmark_id);
                CREATE TABLE step_journal (id varchar(80) PRIMARY KEY, instance_id varchar(64) NOT NULL, sequence bigint NOT NULL, activity_id text NOT NULL, event_name text NOT NULL, payload text, at bigint NOT NULL);
                CREATE UNIQUE INDEX ix_step_journal_instance_sequence ON step_journal (instance_id, sequence);
                """);
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < rows; i++)
            {
                await RawBench.ExecuteAsync(connection, transaction, """
                    INSERT INTO step_instances VALUES (@id, @state, 0, 0);
                    INSERT INTO step_bookmarks VALUES (@id, @id, 'Elsa.RunTask', 'ABCDEF0123456789', '{}');
                    INSERT INTO step_tasks VALUES (@id, @id, @id, 'Open', NULL, NULL);
                    """, ("id", Id(i)), ("state", state));
            }

            await transaction.CommitAsync();
        }

        var rates = new List<double>();
        var cpu = new List<CpuCost>();
        for (var round = 0; round <= rounds; round++)
        {
            var offset = round * count;
            var rate = await Rounds.TimeAsync(count, workers, i => StepAsync(store, Id(offset + i), state), round == 0 ? null : cpu);
            if (round > 0)
            {
                rates.Add(rate);
            }
        }

        // PostgreSQL gets the read and the batch in two round trips; SQLite runs each statement as a command
        // (the read, the bookmark DELETE, the instance UPDATE, the journal INSERTs, the task UPDATE).
        return new Measurement("raw, the resume's rows", workers, Rate.Of(rates), store.Provider == Provider.Postgres ? 2 : 2 + JournalRows + 2, 1, double.NaN, CpuCost.Median(cpu));
    }

    private static async Task StepAsync(BenchStore store, string id, string state)
    {
        await using var connection = RawBench.Open(store);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT i.state, i.stamp FROM step_instances i WHERE EXISTS (SELECT 1 FROM step_tasks t WHERE t.id = @id AND t.status = 'Open' AND t.instance_id = i.id)";
            Add(read, "id", id);
            await using var reader = await read.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"Task {id} is not open.");
            }
        }

        var now = DateTime.UtcNow.Ticks;
        var writes = new List<(string Sql, (string Name, object Value)[] Parameters)>
        {
            ("DELETE FROM step_bookmarks WHERE id = @id", [("id", id)]),
            ("UPDATE step_instances SET state = @state, stamp = stamp + 1, updated_at = @now WHERE id = @id AND stamp = 0", [("state", state), ("now", now), ("id", id)]),
        };
        for (var sequence = 1; sequence <= JournalRows; sequence++)
        {
            writes.Add(("INSERT INTO step_journal VALUES (@id, @instance, @sequence, 'ask', 'Completed', @payload, @now)",
                [("id", $"{id}:{sequence}"), ("instance", id), ("sequence", (long)sequence), ("payload", "{\"outcomes\":[\"Done\"]}"), ("now", now)]));
        }

        writes.Add(("UPDATE step_tasks SET status = 'Completed', completed_at = @now, completed_by = 'bench' WHERE id = @id", [("now", now), ("id", id)]));
        await WriteAsync(connection, transaction, writes);
        await transaction.CommitAsync();
    }

    /// <summary>One round trip where the provider batches (PostgreSQL), as EF Core sends them; one command each on SQLite, which is in-process.</summary>
    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, List<(string Sql, (string Name, object Value)[] Parameters)> writes)
    {
        if (!connection.CanCreateBatch)
        {
            foreach (var (sql, parameters) in writes)
            {
                await RawBench.ExecuteAsync(connection, transaction, sql, parameters);
            }

            return;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, parameters) in writes)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Id(int i) => $"instance-{i:D8}";
}
