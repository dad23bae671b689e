using System.Net;
using System.Net.Mail;
using System.Text;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Notifications.Data;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Notifications.Delivery;

public sealed class EmailOptions
{
    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="OutboxFolder"/> (development).</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpSsl { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "noreply@mahalla.local";

    public string OutboxFolder { get; set; } = "data/outbox";

    /// <summary>Whether this node runs the background sender (tests drive it by hand).</summary>
    public bool SenderEnabled { get; set; } = true;
}

internal sealed class EmailChannel(IOptions<EmailOptions> options, IHostEnvironment environment) : INotificationChannel
{
    public string Name => "email";

    public async Task DeliverAsync(Notification notification, CancellationToken ct)
    {
        var o = options.Value;
        using var message = new MailMessage(o.From, notification.EmailTo!)
        {
            Subject = notification.Subject,
            Body = notification.Body,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        message.Headers.Add("Content-Language", notification.Language);
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = Path.IsPathRooted(o.OutboxFolder) ? o.OutboxFolder : Path.Combine(environment.ContentRootPath, o.OutboxFolder);
            Directory.CreateDirectory(folder);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
            await client.SendMailAsync(message, ct);
            return;
        }

        using var smtp = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpSsl };
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            smtp.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        }

        await smtp.SendMailAsync(message, ct);
    }
}
