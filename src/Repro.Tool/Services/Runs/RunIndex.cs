using System.Globalization;
using Microsoft.Data.Sqlite;
using Repro.Build.IO;
using Repro.Runs.Records;
using Repro.Runs.Sharing;

namespace Repro.Tool.Services;

/// <summary>
/// The summaries of a runs folder's records in an SQLite database (<c>.repro-index/runs.db</c> in the folder: a folder
/// of its own, so that the database's journal never changes the runs folder's time), so that listing
/// costs what is shown: <c>runs --limit 20</c> reads 20 summaries, not 100,000 records. The records stay the truth and
/// the shared format; the index is a cache that is checked against them and rebuilt when lost, damaged or unwritable.
/// </summary>
/// <remarks>
/// Kept in sync without reading every record: a record that changed has a different size or time (each row keeps
/// both), a run added or removed changes the folder's own time, and the only records that change in place are those of
/// running runs (their heartbeat), which are checked every time. So the folder is walked (one <c>lstat</c> per record)
/// only when its time moved since the last walk or when that walk was too recent to trust a coarse clock; otherwise only
/// the running runs are looked at. <c>dotnet repro pull</c> touches the folder's time when it changed a run.
/// </remarks>
public sealed class RunIndex : IDisposable
{
    /// <summary>The database's folder in the runs folder (a dot folder with no record, so never taken for a run).</summary>
    public const string FolderName = ".repro-index";

    /// <summary>The database's file in <see cref="FolderName"/>.</summary>
    public const string FileName = "runs.db";

    // The summaries' cache of earlier versions, a file in the runs folder: removed when the database takes over.
    private const string OldCacheName = ".index";

    // Bumped when the summary's shape changes: an index of another version is rebuilt.
    private const string Version = "5";

    // A walk that ended this close to the folder's time may have missed a run added in the same clock tick.
    private static readonly long TrustAfterTicks = TimeSpan.FromSeconds(2).Ticks;

    private readonly SqliteConnection _db;
    private readonly string _runsDirectory;

    private RunIndex(SqliteConnection db, string runsDirectory)
    {
        _db = db;
        _runsDirectory = runsDirectory;
    }

    /// <summary>Opens (or creates) the index of a runs folder; an index that cannot be opened or written is kept in memory for this command.</summary>
    public static RunIndex Open(string runsDirectory)
    {
        var folder = Path.Combine(runsDirectory, FolderName);
        var path = Path.Combine(folder, FileName);
        if (Directory.Exists(runsDirectory) && FileProbe.Inspect(folder, followLinks: false) is FileKind.Directory or FileKind.Missing
            && FileProbe.Inspect(path, followLinks: false) is FileKind.Regular or FileKind.Missing)
        {
            try
            {
                if (!Directory.Exists(folder))
                {
                    Directory.CreateDirectory(folder);
                    TryDelete(Path.Combine(runsDirectory, OldCacheName));
                }

                return Prepare(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()), runsDirectory);
            }
            catch (Exception ex) when (ex is SqliteException || ReadFailure.IsExpected(ex))
            {
                TryDelete(path); // damaged, or of a version this one cannot read: rebuilt from the records
                try
                {
                    return Prepare(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()), runsDirectory);
                }
                catch (Exception again) when (again is SqliteException || ReadFailure.IsExpected(again))
                {
                    // a read-only folder: fall through to memory
                }
            }
        }

        return Prepare(new SqliteConnection("Data Source=:memory:"), runsDirectory);
    }

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// Brings the index up to date with the records: new and changed ones are read (on every core), removed ones
    /// dropped. Returns the runs whose records cannot be read, with the reason.
    /// </summary>
    public List<UnreadableRun> Sync(Func<Exception, string> reason)
    {
        var folderTicks = Directory.Exists(_runsDirectory) ? Directory.GetLastWriteTimeUtc(_runsDirectory).Ticks : 0;
        var walkedAt = DateTime.UtcNow.Ticks;
        var known = long.TryParse(Meta("folderTicks"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) ? ticks : -1;
        var lastWalk = long.TryParse(Meta("walkedAt"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var walked) ? walked : -1;
        // The folder's time moved: every record is compared. It did not, but the last walk came so soon after it that a run
        // added in the same clock tick could have been missed: the folder's names are compared (no record is looked at).
        var fullWalk = known != folderTicks;
        var namesOnly = !fullWalk && lastWalk - folderTicks < TrustAfterTicks;

        // id → (size, ticks) of the record and the annotations' "size:ticks" ("" for none) the index holds, for the runs to check
        var rows = new Dictionary<string, (long Size, long Ticks, string Annotations)>(StringComparer.Ordinal);
        using (var command = _db.CreateCommand())
        {
            command.CommandText = fullWalk
                ? "SELECT id, size, ticks, asig FROM runs UNION ALL SELECT id, size, ticks, asig FROM unreadable"
                : "SELECT id, size, ticks, asig FROM runs WHERE status = 'running' UNION ALL SELECT id, size, ticks, asig FROM unreadable";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3));
            }
        }

        var present = fullWalk ? Folders() : rows.Keys.ToList();
        var gone = new List<string>();
        if (namesOnly)
        {
            var indexed = new HashSet<string>(StringComparer.Ordinal);
            using (var command = _db.CreateCommand())
            {
                command.CommandText = "SELECT id FROM runs UNION ALL SELECT id FROM unreadable";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    indexed.Add(reader.GetString(0));
                }
            }

            var names = Folders();
            present.AddRange(names.Where(name => !indexed.Contains(name) && !rows.ContainsKey(name)));
            indexed.ExceptWith(names);
            gone.AddRange(indexed);
        }

        var stats = new (bool Exists, long Size, long Ticks, string Annotations)[present.Count];
        Parallel.For(0, present.Count, i =>
        {
            var exists = FileProbe.TryStatRegular(Path.Combine(_runsDirectory, present[i], RunRecordSerializer.FileName), out var size, out var lastWrite);
            // tags.json is written by `runs tag`/`runs note` and by pull, which touch the runs folder's time after it.
            var annotations = exists && FileProbe.TryStatRegular(Path.Combine(_runsDirectory, present[i], RunAnnotationsFile.FileName), out var aSize,
                out var aTicks)
                ? aSize.ToString(CultureInfo.InvariantCulture) + ":" + aTicks.ToString(CultureInfo.InvariantCulture)
                : "";
            stats[i] = (exists, size, lastWrite, annotations);
        });

        var changed = new List<(string Id, long Size, long Ticks, string Annotations)>();
        for (var i = 0; i < present.Count; i++)
        {
            if (!stats[i].Exists)
            {
                if (rows.ContainsKey(present[i]))
                {
                    gone.Add(present[i]);
                }

                continue;
            }

            if (!rows.TryGetValue(present[i], out var row) || row.Size != stats[i].Size || row.Ticks != stats[i].Ticks
                || row.Annotations != stats[i].Annotations)
            {
                changed.Add((present[i], stats[i].Size, stats[i].Ticks, stats[i].Annotations));
            }
        }

        if (fullWalk)
        {
            var seen = new HashSet<string>(present, StringComparer.Ordinal);
            gone.AddRange(rows.Keys.Where(id => !seen.Contains(id)));
        }

        var summaries = new (RunSummary? Record, byte[]? Summary, byte[]? Annotations, string? Failure)[changed.Count];
        Parallel.For(0, changed.Count, i =>
        {
            try
            {
                var folder = Path.Combine(_runsDirectory, changed[i].Id);
                var summary = RunRecordSerializer.SummaryFromUtf8Bytes(FileProbe.ReadAllBytes(Path.Combine(folder, RunRecordSerializer.FileName),
                    RunRecordSerializer.MaxFileBytes));
                summaries[i] = (summary, RunRecordSerializer.SummaryToUtf8Bytes(summary), changed[i].Annotations.Length == 0 ? null
                    : Annotations(folder), null);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                summaries[i] = (null, null, null, reason(ex));
            }
        });

        if (changed.Count > 0 || gone.Count > 0 || fullWalk || namesOnly)
        {
            using var transaction = _db.BeginTransaction();
            using var delete = Command("DELETE FROM runs WHERE id = $id; DELETE FROM unreadable WHERE id = $id;", "$id");
            foreach (var id in gone.Concat(changed.Select(c => c.Id)))
            {
                delete.Parameters[0].Value = id;
                delete.ExecuteNonQuery();
            }

            using var insert = Command("INSERT INTO runs (id, size, ticks, asig, start, name, status, summary, annotations) VALUES ($id, $size, " +
                "$ticks, $asig, $start, $name, $status, $summary, $annotations)",
                "$id", "$size", "$ticks", "$asig", "$start", "$name", "$status", "$summary", "$annotations");
            using var broken = Command("INSERT INTO unreadable (id, size, ticks, asig, reason) VALUES ($id, $size, $ticks, $asig, $reason)", "$id",
                "$size", "$ticks", "$asig", "$reason");
            for (var i = 0; i < changed.Count; i++)
            {
                var (id, size, lastWrite, annotations) = changed[i];
                if (summaries[i].Record is { } record)
                {
                    Set(insert, id, size, lastWrite, annotations, record.StartTime ?? "", record.Name ?? "", record.Status ?? "",
                        summaries[i].Summary!, (object?)summaries[i].Annotations ?? DBNull.Value);
                    insert.ExecuteNonQuery();
                }
                else
                {
                    Set(broken, id, size, lastWrite, annotations, summaries[i].Failure!);
                    broken.ExecuteNonQuery();
                }
            }

            if (fullWalk || namesOnly)
            {
                SetMeta("folderTicks", folderTicks.ToString(CultureInfo.InvariantCulture));
                SetMeta("walkedAt", walkedAt.ToString(CultureInfo.InvariantCulture));
            }

            transaction.Commit();
        }

        var unreadable = new List<UnreadableRun>();
        using (var command = _db.CreateCommand())
        {
            command.CommandText = "SELECT id, reason FROM unreadable ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                unreadable.Add(new UnreadableRun(reader.GetString(0), reader.GetString(1)));
            }
        }

        return unreadable;
    }

    /// <summary>How many runs the index holds.</summary>
    public int Count()
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM runs";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The runs' ids and summaries in an order the index can give without reading the others: by start time (then
    /// id) or by name; <paramref name="limit"/> null for all. <paramref name="runningOnly"/> keeps the runs whose record
    /// says running (the caller still tells the crashed ones apart). A summary the index cannot read comes with the reason.
    /// </summary>
    public List<IndexedRun> Read(string order, bool descending, int? limit, Func<Exception, string> reason, bool runningOnly = false)
    {
        var direction = descending ? "DESC" : "ASC";
        var orderBy = order == "name" ? $"name {direction}, id {direction}" : $"start {direction}, id {direction}";
        using var command = _db.CreateCommand();
        command.CommandText = $"SELECT id, summary, annotations FROM runs {(runningOnly ? "WHERE status = 'running'" : "")} ORDER BY {orderBy}"
            + (limit is null ? "" : " LIMIT $limit");
        if (limit is { } count)
        {
            command.Parameters.AddWithValue("$limit", Math.Max(0, count));
        }

        var result = new List<IndexedRun>();
        // Each summary is read from one reused buffer: 100,000 rows leave 100,000 summaries, not their bytes as well.
        var buffer = new byte[16 * 1024];
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var length = reader.GetBytes(1, 0, null, 0, 0);
            if (length > buffer.Length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2L)];
            }

            reader.GetBytes(1, 0, buffer, 0, (int)length);
            try
            {
                var annotations = reader.IsDBNull(2) ? null : RunAnnotationsFile.FromUtf8Bytes((byte[])reader.GetValue(2));
                result.Add(new IndexedRun(id, RunRecordSerializer.SummaryFromUtf8Bytes(buffer.AsSpan(0, (int)length)), annotations, null));
            }
            catch (InvalidDataException ex)
            {
                result.Add(new IndexedRun(id, null, null, reason(ex)));
            }
        }

        return result;
    }

    // Annotations that cannot be read are left out of the listing, not the run: `show` names the problem.
    private static byte[]? Annotations(string folder) =>
        RunAnnotationsFile.TryRead(folder) is { } annotations ? RunAnnotationsFile.ToUtf8Bytes(annotations) : null;

    private static RunIndex Prepare(SqliteConnection db, string runsDirectory)
    {
        db.Open();
        var index = new RunIndex(db, runsDirectory);
        index.Execute("PRAGMA busy_timeout = 5000;"); // another `runs` may be updating it: wait, do not fail
        index.Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        if (index.Meta("version") != Version)
        {
            index.Execute("DROP TABLE IF EXISTS runs; DROP TABLE IF EXISTS unreadable; DELETE FROM meta;");
        }

        index.Execute("""
            CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, size INTEGER NOT NULL, ticks INTEGER NOT NULL, asig TEXT NOT NULL,
                start TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, summary BLOB NOT NULL, annotations BLOB);
            CREATE INDEX IF NOT EXISTS runs_by_start ON runs (start, id);
            CREATE INDEX IF NOT EXISTS runs_by_name ON runs (name, id);
            CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status);
            CREATE TABLE IF NOT EXISTS unreadable (id TEXT PRIMARY KEY, size INTEGER NOT NULL, ticks INTEGER NOT NULL, asig TEXT NOT NULL,
                reason TEXT NOT NULL);
            """);
        index.SetMeta("version", Version);
        return index;
    }

    /// <summary>The run folders' names (valid run ids only: a folder named otherwise is no run of ours).</summary>
    private List<string> Folders()
    {
        if (!Directory.Exists(_runsDirectory))
        {
            return [];
        }

        return Directory.EnumerateDirectories(_runsDirectory).Select(Path.GetFileName).Where(SharedRunNames.IsRunId).ToList()!;
    }

    private string? Meta(string key)
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private void SetMeta(string key, string value)
    {
        using var command = Command("INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            "$key", "$value");
        Set(command, key, value);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static void TryDelete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
            }
        }
    }
}
