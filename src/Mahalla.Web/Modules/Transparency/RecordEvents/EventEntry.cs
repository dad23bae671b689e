using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mahalla.Web.Modules.Appeals.Data;

namespace Mahalla.Web.Modules.Transparency.RecordEvents;

/// <summary>The facts of an appeal event that go into the log: ids, codes, the time and the actor's role. Nothing personal.</summary>
internal sealed record EventFacts(
    Guid EventId, Guid AppealId, AppealType RequestKind, int Sequence, EventKind Kind, AppealStatus? From, AppealStatus To,
    DateTime AtUtc, string ActorRole, int EscalationLevel, Guid? OrganizationId)
{
    public static EventFacts Of(AppealEvent e, AppealType requestKind) =>
        new(e.Id, e.AppealId, requestKind, e.Sequence, e.Kind, e.FromStatus, e.ToStatus, e.AtUtc, e.ActorRole, e.EscalationLevel, e.OrganizationId);
}

/// <summary>
/// The canonical log entry of an appeal event, version 1 (ADR 0040): UTF-8 lines <c>name value</c> in a
/// fixed order, each ending in a newline, under the header <see cref="Header"/>. Every value is an id, a
/// code, a number, a UTC time to the microsecond (what both SQLite and PostgreSQL keep), a role, or a
/// commitment. Guarantee: no user id, name, text or reason ever appears; personal content is only present
/// as <c>hmac-sha256:</c> of it under a random salt kept in an erasable table, or <c>none</c>.
/// The same facts always give the same bytes, which is what lets the audit recompute entries.
/// </summary>
internal static class EventEntry
{
    public const string Kind = "appeal-event";
    public const string Header = "mahalla/appeal-event/v1";
    public const string NoContent = "none";
    private const string CommitmentPrefix = "hmac-sha256:";

    public static byte[] Encode(EventFacts f, string commitment)
    {
        var text = new StringBuilder(512)
            .Append(Header).Append('\n')
            .Append("event ").Append(Id(f.EventId)).Append('\n')
            .Append("request ").Append(Id(f.AppealId)).Append('\n')
            .Append("request-kind ").Append(f.RequestKind.Code()).Append('\n')
            .Append("sequence ").Append(f.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("kind ").Append(AppealEvent.KindCode(f.Kind)).Append('\n')
            .Append("from ").Append(f.From?.Code() ?? "-").Append('\n')
            .Append("to ").Append(f.To.Code()).Append('\n')
            .Append("at ").Append(Time(f.AtUtc)).Append('\n')
            .Append("actor ").Append(Code(f.ActorRole)).Append('\n')
            .Append("level ").Append(f.EscalationLevel.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("organization ").Append(f.OrganizationId is { } org ? Id(org) : "-").Append('\n')
            .Append("content ").Append(commitment).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The personal content an event commits to, if any: the request text, the answer, a reason, a rating comment.</summary>
    public static string? ContentOf(AppealEvent e, Appeal appeal) => e.Kind switch
    {
        EventKind.Filed => appeal.Text,
        EventKind.Answered => appeal.AnswerText,
        EventKind.Rated => appeal.RatingComment,
        _ => e.Reason,
    };

    /// <summary>HMAC-SHA-256 keyed with the salt over the UTF-8 content: hiding while the salt is secret, binding always.</summary>
    public static string Commit(byte[] salt, string? content) =>
        content is null ? NoContent : CommitmentPrefix + Convert.ToBase64String(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(content)));

    /// <summary>The commitment written in an encoded entry (the last line), or null if the bytes are not a v1 entry.</summary>
    public static string? CommitmentIn(byte[] entry)
    {
        var text = Encoding.UTF8.GetString(entry);
        if (!text.StartsWith(Header + "\n", StringComparison.Ordinal) || !text.EndsWith('\n'))
        {
            return null;
        }

        var last = text[..^1].Split('\n')[^1];
        return last.StartsWith("content ", StringComparison.Ordinal) ? last["content ".Length..] : null;
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(Data.ContentSalt.Size);

    /// <summary>Microseconds: PostgreSQL keeps no more, so an entry recomputed from a stored row matches the original.</summary>
    private static string Time(DateTime utc) =>
        new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Role codes are lowercase words; anything else is percent-encoded so a value can never break a line.</summary>
    private static string Code(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'-')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.Length == 0 ? "-" : builder.ToString();
    }
}
