using System.Globalization;
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
    public async Task NotifyAsync(Guid userId, Guid? appealId, string kind, Func<string, object?[]> arguments, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.PreferredLanguage, u.Email, u.EmailConfirmed }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return;
        }

        var language = TextCatalog.Normalize(user.PreferredLanguage);
        var culture = CultureInfo.GetCultureInfo(language);
        var args = arguments(language);
        var subject = string.Format(culture, texts.Get(language, $"notify.{kind}.subject"), args);
        var body = string.Format(culture, texts.Get(language, $"notify.{kind}.body"), args);
        db.Notifications.Add(new Notification(Guid.CreateVersion7(), userId, appealId, kind, language, subject, body,
            string.IsNullOrEmpty(user.Email) ? null : user.Email, clock.GetUtcNow().UtcDateTime));
    }

    public async Task NotifyManyAsync(IEnumerable<Guid> userIds, Guid? appealId, string kind, Func<string, object?[]> arguments, CancellationToken ct)
    {
        foreach (var id in userIds.Distinct())
        {
            await NotifyAsync(id, appealId, kind, arguments, ct);
        }
    }
}

/// <summary>A way of delivering a notification outside the app (e-mail now; SMS and Telegram later).</summary>
public interface INotificationChannel
{
    string Name { get; }

    /// <summary>Delivers or throws; the outbox retries with back-off and gives up after a bounded number of attempts.</summary>
    Task DeliverAsync(Notification notification, CancellationToken ct);
}
