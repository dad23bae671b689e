using System.Globalization;
using System.Text;
using Mahalla.Web.Modules.Calendar;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Platform.Localization;

namespace Mahalla.Web.Modules.Delivery.Sending;

/// <summary>
/// Sends a plain-text e-mail, in the organisation's language, through the notifications module's own e-mail
/// channel (SMTP, or <c>.eml</c> files in the outbox folder without a server). The message carries the report's
/// public facts, its place with a map link, its photos as links and the links to the report; the reporter's
/// contact only when the organisation's settings ask for it.
/// </summary>
internal sealed class EmailDeliveryChannel(IEnumerable<INotificationChannel> channels, TextCatalog catalog) : IDeliveryChannel
{
    public DeliveryMethod Method => DeliveryMethod.Email;

    public async Task<SendOutcome> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(job.Settings.EmailTo))
        {
            return SendOutcome.Failure("not_configured: e-mail address", permanent: true);
        }

        var channel = channels.FirstOrDefault(c => c.Name == "email");
        if (channel is null)
        {
            return SendOutcome.Failure("not_configured: e-mail channel", permanent: true);
        }

        if (job.Delivery.Kind == DeliveryKind.Update)
        {
            // The planner sends updates only to webhooks and Open311 servers (ADR 0063).
            return SendOutcome.Failure("not_supported: updates by e-mail", permanent: true);
        }

        var language = TextCatalog.Normalize(job.Settings.Language);
        var (subject, body) = job.Delivery.Kind == DeliveryKind.Report ? ReportMail(job, language) : WithdrawalMail(job, language);
        // The channel takes a notification; this one is built for the message alone and never stored.
        var message = new Notification(job.Delivery.Id, Guid.Empty, job.Facts.Id, "delivery", language, subject, body, job.Settings.EmailTo, job.NowUtc);
        try
        {
            await channel.DeliverAsync(message, ct);
            return SendOutcome.Success(null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.From(e);
        }
    }

    private (string Subject, string Body) ReportMail(DeliveryJob job, string language)
    {
        var f = job.Facts;
        string T(string key, params object?[] args) => string.Format(CultureInfo.GetCultureInfo(language), catalog.Get(language, key), args);
        var text = new StringBuilder();
        text.AppendLine(T("delivery.email.report.intro", f.ResponsibleOrganization.In(language))).AppendLine();
        Line(text, T("delivery.email.tracking"), f.TrackingNumber);
        Line(text, T("delivery.email.category"), f.Category.In(language));
        Line(text, T("delivery.email.title"), f.Title);
        text.AppendLine(T("delivery.email.description") + ":").AppendLine(f.Description).AppendLine();
        Line(text, T("delivery.email.mahalla"), f.Mahalla.In(language));
        if (f.Address is not null)
        {
            Line(text, T("delivery.email.address"), f.Address);
        }

        if (f.MapUrl is { } map)
        {
            Line(text, T("delivery.email.coordinates"), FormattableString.Invariant($"{f.Latitude:0.######}, {f.Longitude:0.######}"));
            Line(text, T("delivery.email.map"), map);
        }

        if (f.Answers.Count > 0)
        {
            text.AppendLine(T("delivery.email.answers") + ":");
            foreach (var answer in f.Answers)
            {
                var values = answer.Values.Select((v, i) => answer.ValueNames[i]?.In(language) ?? v);
                text.Append("- ").Append(answer.Prompt.In(language)).Append(' ').AppendLine(string.Join(", ", values));
            }
        }

        if (f.PhotoUrls.Count > 0)
        {
            text.AppendLine(T("delivery.email.photos") + ":");
            foreach (var url in f.PhotoUrls)
            {
                text.Append("- ").AppendLine(url);
            }
        }

        Line(text, T("delivery.email.supporters"), f.Supporters.ToString(CultureInfo.InvariantCulture));
        Line(text, T("delivery.email.due"), WorkingCalendar.LocalDate(f.AnswerDueUtc).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        text.AppendLine();
        Line(text, T("delivery.email.public_link"), f.PublicUrl);
        Line(text, T("delivery.email.staff_link"), f.StaffUrl);
        text.AppendLine();
        if (f.Reporter is { } reporter)
        {
            text.AppendLine(T("delivery.email.reporter") + ":");
            foreach (var value in new[] { reporter.Name, reporter.Phone, reporter.Email }.Where(v => !string.IsNullOrEmpty(v)))
            {
                text.Append("- ").AppendLine(value);
            }

            text.AppendLine().AppendLine(T("delivery.email.footer_contact"));
        }
        else
        {
            text.AppendLine(T("delivery.email.footer"));
        }

        return (T("delivery.email.report.subject", f.TrackingNumber, f.Title), text.ToString());
    }

    private (string Subject, string Body) WithdrawalMail(DeliveryJob job, string language)
    {
        var f = job.Facts;
        var culture = CultureInfo.GetCultureInfo(language);
        var subject = string.Format(culture, catalog.Get(language, "delivery.email.withdrawal.subject"), f.TrackingNumber);
        var body = string.Format(culture, catalog.Get(language, "delivery.email.withdrawal.body"),
            f.TrackingNumber, f.Title, f.ResponsibleOrganization.In(language), f.Category.In(language), f.PublicUrl);
        return (subject, body + Environment.NewLine);
    }

    private static void Line(StringBuilder text, string label, string value) => text.Append(label).Append(": ").AppendLine(value);
}
