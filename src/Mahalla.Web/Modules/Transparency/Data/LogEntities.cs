namespace Mahalla.Web.Modules.Transparency.Data;

/// <summary>
/// One entry of the transparency log: the canonical bytes of a recorded fact (an appeal event, …).
/// Written as pending (no <see cref="Index"/>) in the same transaction as the fact; the sequencer
/// assigns the index. Guarantee: <see cref="Data"/> holds no personal data, only ids, codes, times,
/// roles and salted commitments (see <see cref="RecordEvents.EventEntry"/>). Never updated except to
/// set the index once (by the sequencer, in bulk: <see cref="LogStorage"/>), never deleted.
/// </summary>
internal sealed class LogEntry
{
    public const int MaxKindLength = 40;

    private LogEntry()
    {
    }

    public LogEntry(Guid id, string kind, Guid sourceId, Guid subjectId, byte[] data, DateTime recordedAtUtc)
    {
        Id = id;
        Kind = kind;
        SourceId = sourceId;
        SubjectId = subjectId;
        Data = data;
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>What the entry records, e.g. <c>appeal-event</c>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The recorded row (e.g. the appeal event's id); one entry per source.</summary>
    public Guid SourceId { get; private set; }

    /// <summary>What the source belongs to (e.g. the appeal), to find a request's receipt.</summary>
    public Guid SubjectId { get; private set; }

    public byte[] Data { get; private set; } = [];

    /// <summary>The 0-based log index, null while pending.</summary>
    public long? Index { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public DateTime? IntegratedAtUtc { get; private set; }
}

/// <summary>
/// The hash of one complete subtree of the log (every level, leaves included; ADR 0021), so tiles
/// and proofs are read from storage in O(log n) rows. <see cref="Id"/> packs the node: level in the top
/// 8 bits, index in the low 56 (a log of up to 2^56 entries).
/// </summary>
internal sealed class LogNode
{
    private LogNode()
    {
    }

    public LogNode(long id, byte[] hash)
    {
        Id = id;
        Hash = hash;
    }

    public long Id { get; private set; }

    public byte[] Hash { get; private set; } = [];

    public static long KeyOf(int level, long index) => ((long)level << 56) | index;
}

/// <summary>
/// The single row of sequencer state: the integrated tree (size and root) and the sequencing lease.
/// The size moves only by a conditional update from the size a batch was built on, so two nodes can
/// never both extend the same tree (ADR 0042).
/// </summary>
internal sealed class LogState
{
    public const int SingletonId = 1;
    public const int MaxHolderLength = 200;

    private LogState()
    {
    }

    public int Id { get; private set; }

    public long TreeSize { get; private set; }

    public byte[] RootHash { get; private set; } = [];

    public string? LeaseHolder { get; private set; }

    public DateTime? LeaseUntilUtc { get; private set; }

    public DateTime? UpdatedAtUtc { get; private set; }
}

/// <summary>A checkpoint the log published: signed by the log and cosigned by at least the configured k witnesses.</summary>
internal sealed class PublishedCheckpoint
{
    public const int MaxNoteLength = 20_000;
    public const int MaxWitnessesLength = 2_000;

    private PublishedCheckpoint()
    {
    }

    public PublishedCheckpoint(Guid id, long size, byte[] rootHash, string note, string witnesses, DateTime signedAtUtc)
    {
        Id = id;
        Size = size;
        RootHash = rootHash;
        Note = note;
        Witnesses = witnesses;
        SignedAtUtc = signedAtUtc;
    }

    public Guid Id { get; private set; }

    public long Size { get; private set; }

    public byte[] RootHash { get; private set; } = [];

    /// <summary>The signed note as served by <c>GET /tlog/checkpoint</c>.</summary>
    public string Note { get; private set; } = "";

    /// <summary>Names of the witnesses whose cosignatures verified, comma-separated.</summary>
    public string Witnesses { get; private set; } = "";

    public DateTime SignedAtUtc { get; private set; }
}

/// <summary>
/// The salt of one entry's content commitment. Personal data by association: deleting the row
/// (erasure) makes the commitment in the log unlinkable to the content, and the log stays verifiable
/// because the log holds only the commitment.
/// </summary>
internal sealed class ContentSalt
{
    public const int Size = 32;

    private ContentSalt()
    {
    }

    public ContentSalt(Guid sourceId, Guid subjectId, byte[] salt)
    {
        SourceId = sourceId;
        SubjectId = subjectId;
        Salt = salt;
    }

    public Guid SourceId { get; private set; }

    public Guid SubjectId { get; private set; }

    public byte[] Salt { get; private set; } = [];
}

/// <summary>A secret of the log kept in the database: the development-only signing key when none is configured.</summary>
internal sealed class LogSecret
{
    public const string SigningKeyName = "signing-key";
    public const int MaxNameLength = 100;
    public const int MaxValueLength = 2_000;

    private LogSecret()
    {
    }

    public LogSecret(string name, string value, DateTime createdAtUtc)
    {
        Name = name;
        Value = value;
        CreatedAtUtc = createdAtUtc;
    }

    public string Name { get; private set; } = "";

    public string Value { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>The result of one audit run (<c>mahalla tlog audit</c>), shown on the auditors' page.</summary>
internal sealed class AuditRun
{
    public const int MaxFindingsLength = 20_000;
    public const int MaxRanByLength = 100;

    private AuditRun()
    {
    }

    public AuditRun(Guid id, DateTime startedAtUtc, DateTime finishedAtUtc, string ranBy, int eventsChecked, long entriesChecked,
        long treeSize, int findingCount, string findings)
    {
        Id = id;
        StartedAtUtc = startedAtUtc;
        FinishedAtUtc = finishedAtUtc;
        RanBy = ranBy;
        EventsChecked = eventsChecked;
        EntriesChecked = entriesChecked;
        TreeSize = treeSize;
        FindingCount = findingCount;
        Findings = findings;
    }

    public Guid Id { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public DateTime FinishedAtUtc { get; private set; }

    public string RanBy { get; private set; } = "";

    public int EventsChecked { get; private set; }

    public long EntriesChecked { get; private set; }

    /// <summary>The size of the signed checkpoint whose root the audit recomputed (0 if none yet).</summary>
    public long TreeSize { get; private set; }

    public int FindingCount { get; private set; }

    /// <summary>The first findings, one per line (<c>kind id detail</c>); no personal data.</summary>
    public string Findings { get; private set; } = "";
}
