using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

[DbContext(typeof(MahallaDb))]
[Migration("20261122000001_Initial")]
public sealed class M0001_Initial : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        foreach (var module in new[] { "platform", "accounts", "territories", "catalogue", "organizations", "calendar", "appeals", "notifications" })
        {
            Schema(m, module);
        }

        m.CreateTable("data_protection_keys", schema: S("platform"), columns: t => new
        {
            Id = t.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
            Xml = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_data_protection_keys", x => x.Id));

        Accounts(m);
        Directory(m);
        Appeals(m);

        m.CreateTable("notifications", schema: S("notifications"), columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            AppealId = t.Column<Guid>(nullable: true),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(maxLength: 4000, nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
            ReadAtUtc = t.Column<DateTime>(nullable: true),
            EmailTo = t.Column<string>(maxLength: 256, nullable: true),
            EmailState = t.Column<int>(nullable: false),
            EmailAttempts = t.Column<int>(nullable: false),
            EmailNextAttemptUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_notifications", x => x.Id));
        m.CreateIndex("IX_notifications_UserId_CreatedAtUtc", "notifications", ["UserId", "CreatedAtUtc"], S("notifications"));
        m.CreateIndex("IX_notifications_EmailState_EmailNextAttemptUtc", "notifications", ["EmailState", "EmailNextAttemptUtc"], S("notifications"));
    }

    private void Accounts(MigrationBuilder m)
    {
        var s = S("accounts");
        m.CreateTable("users", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: true),
            PreferredLanguage = t.Column<string>(maxLength: 10, nullable: false),
            OrganizationId = t.Column<Guid>(nullable: true),
            TerritoryId = t.Column<Guid>(nullable: true),
            TerritoryPath = t.Column<string>(maxLength: 400, nullable: true),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_users", x => x.Id));
        m.CreateIndex("EmailIndex", "users", "NormalizedEmail", s);
        m.CreateIndex("UserNameIndex", "users", "NormalizedUserName", s, unique: true);
        m.CreateIndex("IX_users_OrganizationId", "users", "OrganizationId", s);

        m.CreateTable("roles", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_roles", x => x.Id));
        m.CreateIndex("RoleNameIndex", "roles", "NormalizedName", s, unique: true);

        m.CreateTable("user_roles", schema: s, columns: t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            RoleId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_user_roles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_user_roles_roles_RoleId", x => x.RoleId, "roles", "Id", s, onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_user_roles_users_UserId", x => x.UserId, "users", "Id", s, onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_user_roles_RoleId", "user_roles", "RoleId", s);

        m.CreateTable("user_claims", schema: s, columns: t => new
        {
            Id = t.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_user_claims", x => x.Id);
            t.ForeignKey("FK_user_claims_users_UserId", x => x.UserId, "users", "Id", s, onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_user_claims_UserId", "user_claims", "UserId", s);

        m.CreateTable("role_claims", schema: s, columns: t => new
        {
            Id = t.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RoleId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_role_claims", x => x.Id);
            t.ForeignKey("FK_role_claims_roles_RoleId", x => x.RoleId, "roles", "Id", s, onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_role_claims_RoleId", "role_claims", "RoleId", s);

        m.CreateTable("user_logins", schema: s, columns: t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_user_logins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_user_logins_users_UserId", x => x.UserId, "users", "Id", s, onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_user_logins_UserId", "user_logins", "UserId", s);

        m.CreateTable("user_tokens", schema: s, columns: t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_user_tokens_users_UserId", x => x.UserId, "users", "Id", s, onDelete: ReferentialAction.Cascade);
        });
    }

    private void Directory(MigrationBuilder m)
    {
        m.CreateTable("territories", schema: S("territories"), columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ParentId = t.Column<Guid>(nullable: true),
            Kind = t.Column<int>(nullable: false),
            SoatoCode = t.Column<string>(maxLength: 20, nullable: true),
            Path = t.Column<string>(maxLength: 400, nullable: false),
            Latitude = t.Column<double>(nullable: true),
            Longitude = t.Column<double>(nullable: true),
            NameUzLatn = t.Column<string>(maxLength: 200, nullable: false),
            NameUzCyrl = t.Column<string>(maxLength: 200, nullable: false),
            NameRu = t.Column<string>(maxLength: 200, nullable: false),
            NameEn = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_territories", x => x.Id));
        m.CreateIndex("IX_territories_ParentId", "territories", "ParentId", S("territories"));
        m.CreateIndex("IX_territories_Path", "territories", "Path", S("territories"));
        m.CreateIndex("IX_territories_SoatoCode", "territories", "SoatoCode", S("territories"));

        m.CreateTable("categories", schema: S("catalogue"), columns: t => new
        {
            Code = t.Column<string>(maxLength: 40, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            NameUzLatn = t.Column<string>(maxLength: 200, nullable: false),
            NameUzCyrl = t.Column<string>(maxLength: 200, nullable: false),
            NameRu = t.Column<string>(maxLength: 200, nullable: false),
            NameEn = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_categories", x => x.Code));

        m.CreateTable("answer_templates", schema: S("catalogue"), columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizationId = t.Column<Guid>(nullable: true),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Body = t.Column<string>(maxLength: 10000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_answer_templates", x => x.Id));

        m.CreateTable("organizations", schema: S("organizations"), columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            TerritoryId = t.Column<Guid>(nullable: false),
            TerritoryPath = t.Column<string>(maxLength: 400, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            NameUzLatn = t.Column<string>(maxLength: 200, nullable: false),
            NameUzCyrl = t.Column<string>(maxLength: 200, nullable: false),
            NameRu = t.Column<string>(maxLength: 200, nullable: false),
            NameEn = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_organizations", x => x.Id));
        m.CreateIndex("IX_organizations_TerritoryId", "organizations", "TerritoryId", S("organizations"));

        m.CreateTable("routing_rules", schema: S("organizations"), columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CategoryCode = t.Column<string>(maxLength: 40, nullable: false),
            TerritoryId = t.Column<Guid>(nullable: true),
            TerritoryPath = t.Column<string>(maxLength: 400, nullable: true),
            OrganizationId = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_routing_rules", x => x.Id));
        m.CreateIndex("IX_routing_rules_CategoryCode_TerritoryId", "routing_rules", ["CategoryCode", "TerritoryId"], S("organizations"), unique: true);

        m.CreateTable("holidays", schema: S("calendar"), columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            IsMoving = t.Column<bool>(nullable: false),
            NameUzLatn = t.Column<string>(maxLength: 200, nullable: false),
            NameUzCyrl = t.Column<string>(maxLength: 200, nullable: false),
            NameRu = t.Column<string>(maxLength: 200, nullable: false),
            NameEn = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_holidays", x => x.Id));
        m.CreateIndex("IX_holidays_Date", "holidays", "Date", S("calendar"));

        m.CreateTable("deadline_policies", schema: S("calendar"), columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RequestType = t.Column<string>(maxLength: 20, nullable: true),
            CategoryCode = t.Column<string>(maxLength: 40, nullable: true),
            RegistrationWorkingDays = t.Column<int>(nullable: false),
            AnswerDays = t.Column<int>(nullable: false),
            ExtendedAnswerDays = t.Column<int>(nullable: false),
            ConfirmationDays = t.Column<int>(nullable: false),
            ReopenedAnswerDays = t.Column<int>(nullable: false),
            EscalationWorkingDays = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_deadline_policies", x => x.Id));
    }

    private void Appeals(MigrationBuilder m)
    {
        var s = S("appeals");
        m.CreateTable("appeals", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TrackingNumber = t.Column<string>(maxLength: 20, nullable: false),
            AccessCodeHash = t.Column<string>(maxLength: 64, nullable: false),
            Type = t.Column<int>(nullable: false),
            CategoryCode = t.Column<string>(maxLength: 40, nullable: false),
            TerritoryId = t.Column<Guid>(nullable: false),
            TerritoryPath = t.Column<string>(maxLength: 400, nullable: false),
            Text = t.Column<string>(maxLength: 10000, nullable: false),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            IsAnonymous = t.Column<bool>(nullable: false),
            ApplicantUserId = t.Column<Guid>(nullable: true),
            ResponsibleOrganizationId = t.Column<Guid>(nullable: false),
            AssigneeUserId = t.Column<Guid>(nullable: true),
            Status = t.Column<int>(nullable: false),
            EscalationLevel = t.Column<int>(nullable: false),
            EscalationCount = t.Column<int>(nullable: false),
            FiledAtUtc = t.Column<DateTime>(nullable: false),
            RegistrationDueUtc = t.Column<DateTime>(nullable: false),
            AnswerDueUtc = t.Column<DateTime>(nullable: false),
            RegisteredAtUtc = t.Column<DateTime>(nullable: true),
            AnsweredAtUtc = t.Column<DateTime>(nullable: true),
            ClosedAtUtc = t.Column<DateTime>(nullable: true),
            ConfirmationDueUtc = t.Column<DateTime>(nullable: true),
            NextEscalationAtUtc = t.Column<DateTime>(nullable: true),
            ExtensionReason = t.Column<string>(maxLength: 2000, nullable: true),
            AnswerText = t.Column<string>(maxLength: 10000, nullable: true),
            AnsweredByUserId = t.Column<Guid>(nullable: true),
            DisputeReason = t.Column<string>(maxLength: 2000, nullable: true),
            RatingScore = t.Column<int>(nullable: true),
            RatingComment = t.Column<string>(maxLength: 2000, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_appeals", x => x.Id));
        m.CreateIndex("IX_appeals_TrackingNumber", "appeals", "TrackingNumber", s, unique: true);
        m.CreateIndex("IX_appeals_ResponsibleOrganizationId_Status", "appeals", ["ResponsibleOrganizationId", "Status"], s);
        m.CreateIndex("IX_appeals_TerritoryPath", "appeals", "TerritoryPath", s);
        m.CreateIndex("IX_appeals_ApplicantUserId", "appeals", "ApplicantUserId", s);
        m.CreateIndex("IX_appeals_Status_AnswerDueUtc", "appeals", ["Status", "AnswerDueUtc"], s);

        m.CreateTable("appeal_events", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AppealId = t.Column<Guid>(nullable: false),
            Sequence = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            FromStatus = t.Column<int>(nullable: true),
            ToStatus = t.Column<int>(nullable: false),
            ActorUserId = t.Column<Guid>(nullable: true),
            ActorRole = t.Column<string>(maxLength: 40, nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            Reason = t.Column<string>(maxLength: 2000, nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            EscalationLevel = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_appeal_events", x => x.Id);
            t.ForeignKey("FK_appeal_events_appeals_AppealId", x => x.AppealId, "appeals", "Id", s, onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_appeal_events_AppealId_Sequence", "appeal_events", ["AppealId", "Sequence"], s, unique: true);

        m.CreateTable("appeal_notes", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AppealId = t.Column<Guid>(nullable: false),
            AuthorUserId = t.Column<Guid>(nullable: false),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_appeal_notes", x => x.Id));
        m.CreateIndex("IX_appeal_notes_AppealId", "appeal_notes", "AppealId", s);

        m.CreateTable("appeal_attachments", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AppealId = t.Column<Guid>(nullable: false),
            Purpose = t.Column<int>(nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            UploadedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_appeal_attachments", x => x.Id));
        m.CreateIndex("IX_appeal_attachments_AppealId", "appeal_attachments", "AppealId", s);

        m.CreateTable("idempotency_records", schema: s, columns: t => new
        {
            Key = t.Column<string>(maxLength: 200, nullable: false),
            RequestHash = t.Column<string>(maxLength: 64, nullable: false),
            AppealId = t.Column<Guid>(nullable: false),
            ProtectedResponse = t.Column<string>(nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_idempotency_records", x => x.Key));

        m.CreateTable("tracking_counters", schema: s, columns: t => new
        {
            Prefix = t.Column<string>(maxLength: 4, nullable: false),
            Year = t.Column<int>(nullable: false),
            LastValue = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tracking_counters", x => new { x.Prefix, x.Year }));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var (table, module) in new[]
        {
            ("notifications", "notifications"), ("tracking_counters", "appeals"), ("idempotency_records", "appeals"),
            ("appeal_attachments", "appeals"), ("appeal_notes", "appeals"), ("appeal_events", "appeals"), ("appeals", "appeals"),
            ("deadline_policies", "calendar"), ("holidays", "calendar"), ("routing_rules", "organizations"), ("organizations", "organizations"),
            ("answer_templates", "catalogue"), ("categories", "catalogue"), ("territories", "territories"),
            ("user_tokens", "accounts"), ("user_logins", "accounts"), ("role_claims", "accounts"), ("user_claims", "accounts"),
            ("user_roles", "accounts"), ("roles", "accounts"), ("users", "accounts"), ("data_protection_keys", "platform"),
        })
        {
            m.DropTable(table, S(module));
        }
    }
}
