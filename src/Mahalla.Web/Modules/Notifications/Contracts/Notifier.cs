using System.Globalization;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Notifications.Contracts;

/// <summary>
/// The one way the platform tells a person something. It writes the message in the person's own
/// language into the caller's unit of work, so it is committed with the change it reports (or not
/// at all); channels (in-app, e-mail, and later SMS and Telegram) deliver it after commit.
/// Message texts are <c>notify.{kind}.subject</c> and <c>notify.{kind}.body</c>; arguments never
/// include the request's text, only numbers, statuses and names of organisations.
/// </summary>
public sealed class Notifier(MahallaDb db, TextCatalog texts, TimeProvider clock)
{
    public async Task NotifyAsync(Guid userId, Guid? appealId, string kind, Func<string, object?[]> arguments, CancellationToken ct) =>
        await NotifyManyAsync([userId], appealId, kind, arguments, ct);

    public async Task NotifyManyAsync(IEnumerable<Guid> userIds, Guid? appealId, string kind, Func<string, object?[]> arguments, CancellationToken ct)
    {
        foreach (var recipient in (await RecipientsAsync(userIds, ct)).Values)
        {
            Notify(recipient, appealId, kind, arguments);
        }
    }

    /// <summary>Everything needed to write to these people, in one query (so that callers can load it before a transaction).</summary>
    public async Task<Dictionary<Guid, Recipient>> RecipientsAsync(IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.PreferredLanguage, u.Email))
            .ToDictionaryAsync(r => r.UserId, ct);
    }

    /// <summary>
    /// An organisation's staff and the person who filed (if any), in one query: who hears of every new request.
    /// A plain statement (ADR 0019): through LINQ, building and looking up this read on every filing cost more than running it.
    /// </summary>
    public async Task<Dictionary<Guid, Recipient>> StaffAndFilerAsync(Guid organizationId, Guid? filerId, CancellationToken ct)
    {
        var recipients = new Dictionary<Guid, Recipient>();
        await using var query = db.Query(
            $"SELECT \"Id\", \"PreferredLanguage\", \"Email\" FROM {db.Table<User>()} WHERE \"OrganizationId\" = @organization OR \"Id\" = @filer")
            .With("@organization", organizationId).With("@filer", filerId);
        await db.ReadAsync(query, row =>
        {
            var id = row.GetGuid(0);
            recipients[id] = new Recipient(id, row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2));
        }, ct);
        return recipients;
    }

    /// <summary>Adds the message to the unit of work, written in the recipient's language; no database round trip.</summary>
    public void Notify(Recipient recipient, Guid? appealId, string kind, Func<string, object?[]> arguments)
    {
        var language = TextCatalog.Normalize(recipient.Language);
        var culture = CultureInfo.GetCultureInfo(language);
        var args = arguments(language);
        var subject = string.Format(culture, texts.Get(language, $"notify.{kind}.subject"), args);
        var body = string.Format(culture, texts.Get(language, $"notify.{kind}.body"), args);
        db.Notifications.Add(new Notification(Guid.CreateVersion7(), recipient.UserId, appealId, kind, language, subject, body,
            string.IsNullOrEmpty(recipient.Email) ? null : recipient.Email, clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>Who a notification goes to: the account, its language and its e-mail address (if any).</summary>
public sealed record Recipient(Guid UserId, string Language, string? Email);

/// <summary>A way of delivering a notification outside the app (e-mail now; SMS and Telegram later).</summary>
public interface INotificationChannel
{
    string Name { get; }

    /// <summary>Delivers or throws; the outbox retries with back-off and gives up after a bounded number of attempts.</summary>
    Task DeliverAsync(Notification notification, CancellationToken ct);
}
