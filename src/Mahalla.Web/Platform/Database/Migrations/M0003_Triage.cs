using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>Triage: one assessment per request, labelled examples from staff decisions, trained model versions.</summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000003_Triage")]
public sealed class M0003_Triage : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        Schema(m, "triage");
        var s = S("triage");
        m.CreateTable("triage_assessments", schema: s, columns: t => new
        {
            AppealId = t.Column<Guid>(nullable: false),
            TerritoryId = t.Column<Guid>(nullable: false),
            ApplicantUserId = t.Column<Guid>(nullable: true),
            FiledAtUtc = t.Column<DateTime>(nullable: false),
            ChosenCategoryCode = t.Column<string>(maxLength: 40, nullable: true),
            PredictedCategoryCode = t.Column<string>(maxLength: 40, nullable: false),
            Probability = t.Column<double>(nullable: false),
            SuggestedOrganizationId = t.Column<Guid>(nullable: false),
            UrgencyLevel = t.Column<int>(nullable: false),
            UrgencyCorrected = t.Column<bool>(nullable: false),
            Flags = t.Column<string>(maxLength: 4_000, nullable: false),
            Summary = t.Column<string>(maxLength: 1_000, nullable: false),
            Keywords = t.Column<string>(maxLength: 1_000, nullable: false),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            Signature = t.Column<string>(maxLength: 400, nullable: false),
            GroupId = t.Column<Guid>(nullable: false),
            ModelName = t.Column<string>(maxLength: 100, nullable: false),
            Decision = t.Column<int>(nullable: false),
            DecidedByUserId = t.Column<Guid>(nullable: true),
            DecidedAtUtc = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_triage_assessments", x => x.AppealId));
        m.CreateIndex("IX_triage_assessments_TerritoryId_FiledAtUtc", "triage_assessments", ["TerritoryId", "FiledAtUtc"], s);
        m.CreateIndex("IX_triage_assessments_GroupId", "triage_assessments", "GroupId", s);
        m.CreateIndex("IX_triage_assessments_Decision_FiledAtUtc", "triage_assessments", ["Decision", "FiledAtUtc"], s);

        m.CreateTable("triage_examples", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            AppealId = t.Column<Guid>(nullable: false),
            Text = t.Column<string>(maxLength: 10_000, nullable: false),
            Label = t.Column<string>(maxLength: 100, nullable: false),
            OtherAppealId = t.Column<Guid>(nullable: true),
            CreatedByUserId = t.Column<Guid>(nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_triage_examples", x => x.Id));
        m.CreateIndex("IX_triage_examples_Kind_CreatedAtUtc", "triage_examples", ["Kind", "CreatedAtUtc"], s);
        m.CreateIndex("IX_triage_examples_AppealId", "triage_examples", "AppealId", s);

        m.CreateTable("triage_models", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Status = t.Column<int>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Examples = t.Column<int>(nullable: false),
            CorrectionExamples = t.Column<int>(nullable: false),
            HeldOutExamples = t.Column<int>(nullable: false),
            Accuracy = t.Column<double>(nullable: false),
            MacroF1 = t.Column<double>(nullable: false),
            CalibrationError = t.Column<double>(nullable: false),
            CurrentName = t.Column<string>(maxLength: 100, nullable: false),
            CurrentAccuracy = t.Column<double>(nullable: false),
            CurrentMacroF1 = t.Column<double>(nullable: false),
            CurrentCalibrationError = t.Column<double>(nullable: false),
            CreatedByUserId = t.Column<Guid>(nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
            DecidedAtUtc = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_triage_models", x => x.Id));
        m.CreateIndex("IX_triage_models_Status", "triage_models", "Status", s);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "triage_models", "triage_examples", "triage_assessments" })
        {
            m.DropTable(table, S("triage"));
        }
    }
}
