using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Modules.Catalogue.Data;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mahalla.Web.Platform.Database;

/// <summary>The mapping of each module's entities. Keys are assigned by the code (version-7 GUIDs), never by the database.</summary>
internal static class ModelMapping
{
    public static void Accounts(ModelBuilder b, Schemas s)
    {
        var schema = s["accounts"];
        b.Entity<User>(e =>
        {
            e.ToTable("users", schema);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PreferredLanguage).HasMaxLength(10);
            e.Property(u => u.TerritoryPath).HasMaxLength(400);
            e.HasIndex(u => u.OrganizationId);
        });
        b.Entity<Role>().ToTable("roles", schema);
        b.Entity<IdentityUserRole<Guid>>().ToTable("user_roles", schema);
        b.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims", schema);
        b.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins", schema);
        b.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims", schema);
        b.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens", schema);
    }

    public static void Directory(ModelBuilder b, Schemas s)
    {
        b.Entity<Territory>(e =>
        {
            e.ToTable("territories", s["territories"]);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.SoatoCode).HasMaxLength(20);
            e.Property(t => t.Path).HasMaxLength(400);
            Names(e.ComplexProperty(t => t.Name));
            e.HasIndex(t => t.ParentId);
            e.HasIndex(t => t.Path);
            e.HasIndex(t => t.SoatoCode);
            e.Property(t => t.NameKey).HasMaxLength(200); // as the name's columns
            e.HasIndex(t => new { t.ParentId, t.NameKey }, "IX_territories_MahallaName").IsUnique()
                .HasFilter(Migrations.M0020_UniqueAdministrativeKeys.MahallaNameFilter).RefusesDuplicatesAs("admin.rule.mahalla_name_taken");
        });
        b.Entity<Category>(e =>
        {
            e.ToTable("categories", s["catalogue"]);
            e.HasKey(c => c.Code).RefusesDuplicatesAs("admin.rule.category_code_taken");
            e.Property(c => c.Code).HasMaxLength(40);
            Names(e.ComplexProperty(c => c.Name));
        });
        b.Entity<AnswerTemplate>(e =>
        {
            e.ToTable("answer_templates", s["catalogue"]);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Language).HasMaxLength(10);
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.Body).HasMaxLength(Appeal.MaxTextLength);
        });
        b.Entity<Organization>(e =>
        {
            e.ToTable("organizations", s["organizations"]);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.TerritoryPath).HasMaxLength(400);
            Names(e.ComplexProperty(o => o.Name));
            e.HasIndex(o => o.TerritoryId);
            e.HasIndex(o => o.TerritoryId, "IX_organizations_Council").IsUnique().HasFilter(Migrations.M0020_UniqueAdministrativeKeys.CouncilFilter)
                .RefusesDuplicatesAs("admin.rule.mahalla_has_a_council");
        });
        b.Entity<RoutingRule>(e =>
        {
            e.ToTable("routing_rules", s["organizations"]);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.CategoryCode).HasMaxLength(40);
            e.Property(r => r.TerritoryPath).HasMaxLength(400);
            e.HasIndex(r => new { r.CategoryCode, r.TerritoryId }).IsUnique().RefusesDuplicatesAs("admin.rule.routing_rule_exists");
            // A category's default has no territory, and a unique index counts no two nulls as equal.
            e.HasIndex(r => r.CategoryCode, "IX_routing_rules_CategoryDefault").IsUnique().HasFilter(Migrations.M0020_UniqueAdministrativeKeys.CategoryDefaultFilter)
                .RefusesDuplicatesAs("admin.rule.routing_rule_exists");
        });
        b.Entity<Holiday>(e =>
        {
            e.ToTable("holidays", s["calendar"]);
            e.Property(h => h.Id).ValueGeneratedNever();
            Names(e.ComplexProperty(h => h.Name));
            e.HasIndex(h => h.Date).IsUnique().RefusesDuplicatesAs("admin.rule.holiday_on_that_day");
        });
        b.Entity<DeadlinePolicy>(e =>
        {
            e.ToTable("deadline_policies", s["calendar"]);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.RequestType).HasMaxLength(20);
            e.Property(p => p.CategoryCode).HasMaxLength(40);
            e.Property(p => p.Scope).HasMaxLength(DeadlinePolicy.MaxScopeLength);
            e.HasIndex(p => p.Scope).IsUnique().RefusesDuplicatesAs("admin.rule.deadline_policy_exists");
            e.Ignore(p => p.Terms);
            e.Ignore(p => p.Specificity);
        });
    }

    public static void Appeals(ModelBuilder b, Schemas s)
    {
        var schema = s["appeals"];
        b.Entity<Appeal>(e =>
        {
            e.ToTable("appeals", schema);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.TrackingNumber).HasMaxLength(20);
            e.Property(a => a.AccessCodeHash).HasMaxLength(64);
            e.Property(a => a.CategoryCode).HasMaxLength(40);
            var path = e.Property(a => a.TerritoryPath).HasMaxLength(400);
            if (s.Supported) // PostgreSQL, the provider with schemas
            {
                // Compared by bytes there, so that a prefix is a range its indexes can search (M0017, ADR 0066).
                path.ComparedByBytes();
            }

            e.Property(a => a.Text).HasMaxLength(Appeal.MaxTextLength);
            e.Property(a => a.Language).HasMaxLength(10);
            e.Property(a => a.ExtensionReason).HasMaxLength(Appeal.MaxReasonLength);
            e.Property(a => a.AnswerText).HasMaxLength(Appeal.MaxTextLength);
            e.Property(a => a.DisputeReason).HasMaxLength(Appeal.MaxReasonLength);
            e.Property(a => a.RatingComment).HasMaxLength(Appeal.MaxReasonLength);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Events).WithOne().HasForeignKey(ev => ev.AppealId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(a => a.TrackingNumber).IsUnique();
            e.HasIndex(a => new { a.ResponsibleOrganizationId, a.Status });
            e.HasIndex(a => a.TerritoryPath);
            e.HasIndex(a => a.ApplicantUserId);
            e.HasIndex(a => new { a.Status, a.AnswerDueUtc });
            // The deadline sweeper's due requests, earliest first (M0019).
            e.HasIndex(a => a.SweepDueUtc, "IX_appeals_SweepDue").HasFilter(Migrations.M0019_SweepDue.DueFilter);
            // Covering for the duplicate search's category check on filing (M0011).
            e.HasIndex(a => new { a.Id, a.CategoryCode });
            // The inbox's order with its scope columns, walked in order to a page's end (M0012).
            e.HasIndex(a => new { a.EscalationLevel, a.AnswerDueUtc, a.Id, a.ResponsibleOrganizationId, a.TerritoryPath }, "IX_appeals_Inbox")
                .IsDescending(true, false, false, false, false);
            // An operator's inbox: the organisation's requests in the inbox's order, one search to a page's end (M0015).
            e.HasIndex(a => new { a.ResponsibleOrganizationId, a.EscalationLevel, a.AnswerDueUtc, a.Id }, "IX_appeals_OrganizationInbox")
                .IsDescending(false, true, false, false);
            // The same two orders over the open work only, the inbox's default (M0016).
            e.HasIndex(a => new { a.EscalationLevel, a.AnswerDueUtc, a.Id, a.ResponsibleOrganizationId, a.TerritoryPath }, "IX_appeals_OpenInbox")
                .IsDescending(true, false, false, false, false).HasFilter(Migrations.M0016_OpenInbox.OpenFilter);
            e.HasIndex(a => new { a.ResponsibleOrganizationId, a.EscalationLevel, a.AnswerDueUtc, a.Id }, "IX_appeals_OrganizationOpenInbox")
                .IsDescending(false, true, false, false).HasFilter(Migrations.M0016_OpenInbox.OpenFilter);
            e.HasIndex(a => new { a.TerritoryPath, a.ResponsibleOrganizationId, a.Status }, "IX_appeals_OpenByTerritory")
                .HasFilter(Migrations.M0016_OpenInbox.OpenFilter);
        });
        b.Entity<AppealEvent>(e =>
        {
            e.ToTable("appeal_events", schema);
            e.Property(ev => ev.Id).ValueGeneratedNever();
            e.Property(ev => ev.ActorRole).HasMaxLength(40);
            e.Property(ev => ev.Reason).HasMaxLength(Appeal.MaxReasonLength);
            e.HasIndex(ev => new { ev.AppealId, ev.Sequence }).IsUnique().GuardsConcurrentChanges(); // numbered by the request's version (ADR 0080)
        });
        b.Entity<InternalNote>(e =>
        {
            e.ToTable("appeal_notes", schema);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Text).HasMaxLength(Appeal.MaxReasonLength);
            e.HasIndex(n => n.AppealId);
        });
        b.Entity<AppealAttachment>(e =>
        {
            e.ToTable("appeal_attachments", schema);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.AppealId);
        });
        b.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records", schema);
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasMaxLength(200);
            e.Property(r => r.RequestHash).HasMaxLength(64);
        });
        b.Entity<TrackingCounter>(e =>
        {
            e.ToTable("tracking_counters", schema);
            e.HasKey(c => new { c.Prefix, c.Year });
            e.Property(c => c.Prefix).HasMaxLength(4);
        });
    }

    public static void Notifications(ModelBuilder b, Schemas s) =>
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications", s["notifications"]);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Kind).HasMaxLength(40);
            e.Property(n => n.Language).HasMaxLength(10);
            e.Property(n => n.Subject).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(4000);
            e.Property(n => n.EmailTo).HasMaxLength(256);
            e.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
            e.HasIndex(n => n.CreatedAtUtc, "IX_notifications_PendingEmail").HasFilter(Migrations.M0018_PendingEmail.PendingFilter);
        });

    private static void Names(ComplexPropertyBuilder<LocalizedName> name)
    {
        name.Property(n => n.UzLatn).HasMaxLength(200).HasColumnName("NameUzLatn");
        name.Property(n => n.UzCyrl).HasMaxLength(200).HasColumnName("NameUzCyrl");
        name.Property(n => n.Ru).HasMaxLength(200).HasColumnName("NameRu");
        name.Property(n => n.En).HasMaxLength(200).HasColumnName("NameEn");
    }
}
