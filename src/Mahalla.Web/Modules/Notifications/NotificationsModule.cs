using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Notifications.Delivery;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Notifications;

public sealed record NotificationItem(Guid Id, Guid? AppealId, string Kind, string Subject, string Body, DateTime CreatedAtUtc, bool Read);

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        services.AddScoped<Notifier>();
        services.AddScoped<INotificationChannel, EmailChannel>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        api.MapGet("/", async Task<Ok<List<NotificationItem>>> (HttpContext http, MahallaDb db, CancellationToken ct) =>
            TypedResults.Ok(await ListAsync(db, Caller.From(http.User), ct))).WithName("MyNotifications").WithSummary("Your latest in-app notifications.");
        api.MapPost("/{id:guid}/read", async Task<NoContent> (Guid id, HttpContext http, MahallaDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var userId = Caller.From(http.User).UserId;
            var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct) ?? throw new NotFoundException();
            n.MarkRead(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("MarkNotificationRead").WithSummary("Mark one of your notifications as read.");
        return routes;
    }

    public static async Task<List<NotificationItem>> ListAsync(MahallaDb db, Caller caller, CancellationToken ct) =>
        await db.Notifications.AsNoTracking().Where(n => n.UserId == caller.UserId).OrderByDescending(n => n.CreatedAtUtc)
            // Several notifications can share a moment (one filing notifies several people, a batch commits many at once):
            // the ids are time-ordered (version 7), so the newest still come first and the 50 are the same on every read.
            .ThenByDescending(n => n.Id).Take(50)
            .Select(n => new NotificationItem(n.Id, n.AppealId, n.Kind, n.Subject, n.Body, n.CreatedAtUtc, n.ReadAtUtc != null)).ToListAsync(ct);
}
