using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WorkingGroup.Benchmarks;

/// <summary>
/// The storage limit: the smallest durable step done by hand with ADO.NET — in one transaction, one UPDATE of an
/// instance-like row (a state of the engine's size, a stamp) and one INSERT of a journal-like row.
/// </summary>
internal static class RawBench
{
    /// <summary>
    /// With <paramref name="oneRoundTrip"/> (PostgreSQL only): the UPDATE and the INSERT as one batch without BEGIN and
    /// COMMIT — one implicit transaction in one round trip, as the engine sends a step that has nothing else to save.
    /// </summary>
    public static async Task<Measurement> RunAsync(BenchStore store, int workers, int count, int rounds, int stateLength, bool oneRoundTrip = false)
    {
        var state = new string('s', stateLength);
        var rows = count * (rounds + 1);
        await using (var connection = Open(store))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, null, """
                CREATE TABLE raw_instances (id varchar(64) PRIMARY KEY, state text NOT NULL, stamp bigint NOT NULL, updated_at bigint NOT NULL);
                CREATE TABLE raw_journal (id varchar(80) PRIMARY KEY, instance_id varchar(64) NOT NULL, sequence int NOT NULL, payload text, at bigint NOT NULL);
                """);
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < rows; i++)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO raw_instances VALUES (@id, @state, 0, 0)", ("id", Id(i)), ("state", state));
            }

            await transaction.CommitAsync();
        }

        var rates = new List<double>();
        var cpu = new List<CpuCost>();
        for (var round = 0; round <= rounds; round++)
        {
            var offset = round * count;
            var rate = await Rounds.TimeAsync(
                count, workers, i => oneRoundTrip ? BatchedStepAsync(store, Id(offset + i), state) : StepAsync(store, Id(offset + i), state), round == 0 ? null : cpu);
            if (round > 0)
            {
                rates.Add(rate);
            }
        }

        return oneRoundTrip
            ? new Measurement(OneRoundTripName, workers, Rate.Of(rates), 1, 0, double.NaN, CpuCost.Median(cpu))
            : new Measurement("raw UPDATE + INSERT tx", workers, Rate.Of(rates), 2, 1, double.NaN, CpuCost.Median(cpu));
    }

    public const string OneRoundTripName = "raw one-round-trip UPDATE + INSERT";

    private static async Task BatchedStepAsync(BenchStore store, string id, string state)
    {
        await using var connection = Open(store);
        await connection.OpenAsync();
        await using var batch = connection.CreateBatch();
        var now = DateTime.UtcNow.Ticks;
        var update = Command(batch, "UPDATE raw_instances SET state = @state, stamp = stamp + 1, updated_at = @now WHERE id = @id AND stamp = 0", ("state", state), ("now", now), ("id", id));
        Command(batch, "INSERT INTO raw_journal VALUES (@jid, @instance, 1, @payload, @now)", ("jid", $"{id}:1"), ("instance", id), ("payload", "{\"outcomes\":[\"Done\"]}"), ("now", now));
        await batch.ExecuteNonQueryAsync();
        if (update.RecordsAffected != 1)
        {
            throw new InvalidOperationException($"Row {id} was not updated.");
        }
    }

    private static DbBatchCommand Command(DbBatch batch, string sql, params (string Name, object Value)[] parameters)
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
        return command;
    }

    private static async Task StepAsync(BenchStore store, string id, string state)
    {
        await using var connection = Open(store);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow.Ticks;
        var updated = await ExecuteAsync(
            connection, transaction, "UPDATE raw_instances SET state = @state, stamp = stamp + 1, updated_at = @now WHERE id = @id AND stamp = 0",
            ("state", state), ("now", now), ("id", id));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Row {id} was not updated.");
        }

        await ExecuteAsync(
            connection, transaction, "INSERT INTO raw_journal VALUES (@id, @instance, 1, @payload, @now)",
            ("id", $"{id}:1"), ("instance", id), ("payload", "{\"outcomes\":[\"Done\"]}"), ("now", now));
        await transaction.CommitAsync();
    }

    public static DbConnection Open(BenchStore store) => store.Provider == Provider.Postgres
        ? new NpgsqlConnection(store.ConnectionString)
        : new SqliteConnection(store.ConnectionString);

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static string Id(int i) => $"instance-{i:D8}";
}
