using System.Data.Common;
using Mahalla.Tlog.Merkle;
using Mahalla.Web.Platform.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Mahalla.Web.Modules.Transparency.Data;

/// <summary>An entry waiting for its index: its key and the bytes that become the leaf.</summary>
internal readonly record struct PendingEntry(Guid Id, byte[] Data);

/// <summary>
/// The sequencer's bulk reads and writes, inside the caller's transaction: a batch's indexes and node hashes
/// are written with a few statements whatever the batch size — one statement each on PostgreSQL (arrays
/// unnested on the server), one prepared statement reused per row on SQLite — instead of one tracked entity
/// per row (ADR 0049). Guarantee: an entry's index is set only if it had none; otherwise the batch fails.
/// </summary>
internal sealed class LogStorage(MahallaDb db)
{
    /// <summary>Up to <paramref name="max"/> pending entries, oldest id first.</summary>
    public async Task<List<PendingEntry>> PendingAsync(int max, CancellationToken ct) =>
        await db.Set<LogEntry>().AsNoTracking().Where(e => e.Index == null).OrderBy(e => e.Id).Take(max)
            .Select(e => new PendingEntry(e.Id, e.Data)).ToListAsync(ct);

    /// <summary>Gives the entries the indexes <paramref name="firstIndex"/>, <paramref name="firstIndex"/> + 1, … in order.</summary>
    public async Task IntegrateAsync(IReadOnlyList<PendingEntry> entries, long firstIndex, DateTime nowUtc, CancellationToken ct)
    {
        var table = db.Table<LogEntry>();
        var (connection, transaction) = Connection();
        var updated = 0;
        if (connection is NpgsqlConnection)
        {
            await using var command = new NpgsqlCommand(
                $"UPDATE {table} AS e SET \"Index\" = v.i, \"IntegratedAtUtc\" = @at FROM unnest(@ids, @indexes) AS v(id, i) WHERE e.\"Id\" = v.id AND e.\"Index\" IS NULL",
                (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
            command.Parameters.Add(new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = nowUtc });
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. entries.Select(e => e.Id)] });
            command.Parameters.Add(new NpgsqlParameter<long[]>("indexes", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
            {
                TypedValue = [.. Enumerable.Range(0, entries.Count).Select(i => firstIndex + i)],
            });
            updated = await command.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.Transaction = (SqliteTransaction?)transaction;
            command.CommandText = $"UPDATE {table} SET \"Index\" = $index, \"IntegratedAtUtc\" = $at WHERE \"Id\" = $id AND \"Index\" IS NULL";
            var index = command.Parameters.Add("$index", SqliteType.Integer);
            command.Parameters.Add("$at", SqliteType.Text).Value = nowUtc;
            // EF keeps GUIDs in SQLite as upper-case text; a Text parameter binds them the same way.
            var id = command.Parameters.Add("$id", SqliteType.Text);
            command.Prepare();
            for (var i = 0; i < entries.Count; i++)
            {
                index.Value = firstIndex + i;
                id.Value = entries[i].Id;
                updated += await command.ExecuteNonQueryAsync(ct);
            }
        }

        if (updated != entries.Count)
        {
            throw new InvalidOperationException($"Indexed {updated} of {entries.Count} pending entries: some were indexed by another writer.");
        }
    }

    /// <summary>Stores node hashes (each node once: a second write of a node fails on its key).</summary>
    public async Task AddNodesAsync(IReadOnlyList<StoredHash> nodes, CancellationToken ct)
    {
        var table = db.Table<LogNode>();
        var (connection, transaction) = Connection();
        if (connection is NpgsqlConnection npgsql)
        {
            // Binary COPY: the cheapest way into PostgreSQL for thousands of rows; it joins the open transaction.
            await using var copy = await npgsql.BeginBinaryImportAsync($"COPY {table} (\"Id\", \"Hash\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var node in nodes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(LogNode.KeyOf(node.Node.Level, node.Node.Index), NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(node.Hash, NpgsqlDbType.Bytea, ct);
            }

            await copy.CompleteAsync(ct);
            return;
        }

        await using var insert = (SqliteCommand)connection.CreateCommand();
        insert.Transaction = (SqliteTransaction?)transaction;
        insert.CommandText = $"INSERT INTO {table} (\"Id\", \"Hash\") VALUES ($id, $hash)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
        insert.Prepare();
        foreach (var node in nodes)
        {
            id.Value = LogNode.KeyOf(node.Node.Level, node.Node.Index);
            hash.Value = node.Hash;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private (DbConnection Connection, DbTransaction? Transaction) Connection() =>
        (db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
}
