namespace Mahalla.Triage.Duplicates;

/// <summary>A point on the Earth (WGS 84 degrees).</summary>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Great-circle distance in metres (haversine, mean Earth radius).</summary>
    public double MetresTo(GeoPoint other)
    {
        const double radius = 6_371_008.8;
        var dLat = double.DegreesToRadians(other.Latitude - Latitude);
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(Latitude)) * Math.Cos(double.DegreesToRadians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>A request as the duplicate grouper sees it.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Signature">Its <see cref="TextSignature"/>.</param>
/// <param name="ReceivedUtc">When it arrived (UTC).</param>
/// <param name="Location">Where the problem is, when the request has a point.</param>
/// <param name="TerritoryId">The territory (mahalla) it concerns, when known.</param>
/// <param name="Category">The category, when known: requests of different categories are never duplicates.</param>
/// <param name="ApplicantKey">An opaque key of the applicant, so that one person reporting twice counts once.</param>
/// <param name="PeopleAffected">People the request speaks for (a household, a petition), at least 1.</param>
public sealed record DuplicateCandidate(
    string Id,
    TextSignature Signature,
    DateTime ReceivedUtc,
    GeoPoint? Location = null,
    string? TerritoryId = null,
    string? Category = null,
    string? ApplicantKey = null,
    int PeopleAffected = 1);

/// <summary>When two requests are the same problem.</summary>
public sealed record DuplicateOptions
{
    /// <summary>Least estimated Jaccard similarity of the texts' 4-grams.</summary>
    public double MinSimilarity { get; init; } = 0.35;

    /// <summary>Greatest distance between two points; without points, the territory ids must match.</summary>
    public double MaxDistanceMetres { get; init; } = 300;

    /// <summary>Greatest time between the two requests.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(14);
}

/// <summary>A group of requests about one problem.</summary>
/// <param name="MasterId">The earliest request (ties: smallest id); the group is known by it.</param>
/// <param name="MemberIds">All requests of the group, master first, then by arrival.</param>
/// <param name="AffectedPeople">People affected: each applicant counted once (their largest figure), anonymous requests each counted.</param>
public sealed record DuplicateGroup(string MasterId, IReadOnlyList<string> MemberIds, int AffectedPeople)
{
    /// <summary>Number of requests in the group.</summary>
    public int Count => MemberIds.Count;
}

/// <summary>
/// Groups requests about the same problem: similar text (MinHash, found through
/// locality-sensitive hashing in 32 bands of 2), in the same place (within a distance, or the same
/// territory, or from the same applicant) and within a time window. Staff can merge and split
/// groups; a split request stays apart. Not thread-safe: one grouper per territory or per
/// worker, rebuilt from stored signatures at start.
/// </summary>
public sealed class DuplicateGrouper
{
    internal const int Bands = 32;
    internal const int Rows = TextSignature.Length / Bands;

    private readonly DuplicateOptions options;
    private readonly Dictionary<string, DuplicateCandidate> requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> groupOf = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> members = [];
    private readonly Dictionary<(int Band, ulong Key), List<string>> buckets = [];
    private int nextGroup;

    /// <summary>A grouper with the given (or default) options.</summary>
    public DuplicateGrouper(DuplicateOptions? options = null) => this.options = options ?? new DuplicateOptions();

    /// <summary>All groups, by master arrival.</summary>
    public IReadOnlyList<DuplicateGroup> Groups => [.. members.Keys.Select(Describe).OrderBy(g => requests[g.MasterId].ReceivedUtc).ThenBy(g => g.MasterId, StringComparer.Ordinal)];

    /// <summary>
    /// Adds a request: it joins the group whose master (earliest request) is its most similar duplicate,
    /// or starts a group. Comparing with masters only keeps a group about the problem as first reported
    /// (a chain of rewordings does not drift away from it) and bounds the work on filing by the number of
    /// problems, not of requests: a campaign of thousands of near-copies is one master.
    /// </summary>
    /// <exception cref="ArgumentException">A request with this id was already added.</exception>
    public DuplicateGroup Add(DuplicateCandidate request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (requests.ContainsKey(request.Id))
        {
            throw new ArgumentException($"Request {request.Id} is already grouped.", nameof(request));
        }

        // Each group's master is found once per call, however many of its members are candidates.
        var masters = new Dictionary<int, string>();
        var best = FindDuplicates(request).FirstOrDefault(d =>
        {
            var group = groupOf[d.Id];
            if (!masters.TryGetValue(group, out var master))
            {
                masters[group] = master = MasterOf(group);
            }

            return master == d.Id;
        });
        requests[request.Id] = request;
        Index(request);
        if (best.Id is null)
        {
            return Describe(StartGroup(request.Id));
        }

        var group = groupOf[best.Id];
        members[group].Add(request.Id);
        groupOf[request.Id] = group;
        return Describe(group);
    }

    /// <summary>Requests already added that are duplicates of <paramref name="request"/>, most similar first.</summary>
    public IReadOnlyList<(string Id, double Similarity)> FindDuplicates(DuplicateCandidate request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<(string Id, double Similarity)>();
        for (var band = 0; band < Bands; band++)
        {
            if (!buckets.TryGetValue((band, BandKey(request.Signature, band)), out var ids))
            {
                continue;
            }

            foreach (var id in ids)
            {
                if (id == request.Id || !seen.Add(id))
                {
                    continue;
                }

                var other = requests[id];
                var similarity = request.Signature.Similarity(other.Signature);
                if (similarity >= options.MinSimilarity && SamePlace(request, other) && SameTime(request, other) && SameCategory(request, other))
                {
                    found.Add((id, similarity));
                }
            }
        }

        return [.. found.OrderByDescending(f => f.Similarity).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>The group of a request.</summary>
    /// <exception cref="KeyNotFoundException">No such request.</exception>
    public DuplicateGroup GroupOf(string requestId) => Describe(groupOf[requestId]);

    /// <summary>Staff decision: the groups of the two requests are one problem.</summary>
    public DuplicateGroup Merge(string requestId, string otherRequestId)
    {
        var (a, b) = (groupOf[requestId], groupOf[otherRequestId]);
        if (a == b)
        {
            return Describe(a);
        }

        foreach (var id in members[b])
        {
            groupOf[id] = a;
        }

        members[a].AddRange(members[b]);
        members.Remove(b);
        return Describe(a);
    }

    /// <summary>Staff decision: the request is not a duplicate of its group; it becomes a group of its own.</summary>
    /// <returns>The request's new group.</returns>
    public DuplicateGroup Split(string requestId)
    {
        var group = groupOf[requestId];
        if (members[group].Count == 1)
        {
            return Describe(group);
        }

        members[group].Remove(requestId);
        return Describe(StartGroup(requestId));
    }

    private int StartGroup(string requestId)
    {
        var group = nextGroup++;
        members[group] = [requestId];
        groupOf[requestId] = group;
        return group;
    }

    /// <summary>A group's members by arrival (ties: the smaller id); the first is the master.</summary>
    private IOrderedEnumerable<DuplicateCandidate> ByArrival(int group) =>
        members[group].Select(id => requests[id]).OrderBy(r => r.ReceivedUtc).ThenBy(r => r.Id, StringComparer.Ordinal);

    private string MasterOf(int group) => ByArrival(group).First().Id;

    private DuplicateGroup Describe(int group)
    {
        var ordered = ByArrival(group).ToList();
        var people = ordered.Where(r => r.ApplicantKey is null).Sum(r => Math.Max(1, r.PeopleAffected))
            + ordered.Where(r => r.ApplicantKey is not null).GroupBy(r => r.ApplicantKey, StringComparer.Ordinal).Sum(g => g.Max(r => Math.Max(1, r.PeopleAffected)));
        return new DuplicateGroup(ordered[0].Id, [.. ordered.Select(r => r.Id)], people);
    }

    private void Index(DuplicateCandidate request)
    {
        if (request.Signature.IsEmpty)
        {
            return;
        }

        for (var band = 0; band < Bands; band++)
        {
            var key = (band, BandKey(request.Signature, band));
            if (!buckets.TryGetValue(key, out var ids))
            {
                buckets[key] = ids = [];
            }

            ids.Add(request.Id);
        }
    }

    private static ulong BandKey(TextSignature signature, int band)
    {
        var values = signature.Values.Slice(band * Rows, Rows);
        ulong key = 17;
        foreach (var v in values)
        {
            key = (key * 0x100000001B3UL) ^ v;
        }

        return key;
    }

    private bool SamePlace(DuplicateCandidate a, DuplicateCandidate b)
    {
        if (a.Location is { } p && b.Location is { } q)
        {
            return p.MetresTo(q) <= options.MaxDistanceMetres;
        }

        return (a.TerritoryId is not null && a.TerritoryId == b.TerritoryId)
            || (a.ApplicantKey is not null && a.ApplicantKey == b.ApplicantKey);
    }

    private bool SameTime(DuplicateCandidate a, DuplicateCandidate b) => (a.ReceivedUtc - b.ReceivedUtc).Duration() <= options.Window;

    private static bool SameCategory(DuplicateCandidate a, DuplicateCandidate b) => a.Category is null || b.Category is null || a.Category == b.Category;
}
