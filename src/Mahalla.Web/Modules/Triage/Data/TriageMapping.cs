using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Triage.Data;

/// <summary>The triage module's tables (schema <c>triage</c> on PostgreSQL), all prefixed <c>triage_</c>.</summary>
internal static class TriageMapping
{
    public static void Configure(ModelBuilder b, Schemas s)
    {
        var schema = s["triage"];
        b.Entity<TriageAssessment>(e =>
        {
            e.ToTable("triage_assessments", schema);
            e.HasKey(x => x.AppealId);
            e.Property(x => x.AppealId).ValueGeneratedNever();
            e.Property(x => x.ChosenCategoryCode).HasMaxLength(40);
            e.Property(x => x.PredictedCategoryCode).HasMaxLength(40);
            e.Property(x => x.Flags).HasMaxLength(TriageAssessment.MaxFlagsLength);
            e.Property(x => x.Summary).HasMaxLength(TriageAssessment.MaxSummaryLength);
            e.Property(x => x.Keywords).HasMaxLength(TriageAssessment.MaxKeywordsLength);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.Signature).HasMaxLength(TriageAssessment.MaxSignatureLength);
            e.Property(x => x.ModelName).HasMaxLength(TriageModel.MaxNameLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            // The groups' masters by mahalla and time, covering for the duplicate search on filing (M0013).
            e.HasIndex(x => new { x.TerritoryId, x.FiledAtUtc, x.AppealId, x.Signature }, "IX_triage_assessments_Masters")
                .HasFilter("\"GroupId\" = \"AppealId\"");
            e.HasIndex(x => new { x.GroupId, x.ApplicantUserId });
            e.HasIndex(x => new { x.Decision, x.FiledAtUtc });
        });
        b.Entity<TriageExample>(e =>
        {
            e.ToTable("triage_examples", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Text).HasMaxLength(Appeals.Data.Appeal.MaxTextLength);
            e.Property(x => x.Label).HasMaxLength(TriageExample.MaxLabelLength);
            e.HasIndex(x => new { x.Kind, x.CreatedAtUtc });
            e.HasIndex(x => x.AppealId);
        });
        b.Entity<TriageModel>(e =>
        {
            e.ToTable("triage_models", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(TriageModel.MaxNameLength);
            e.Property(x => x.CurrentName).HasMaxLength(TriageModel.MaxNameLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Status);
            // A double click on "retrain" trained twice, and both were saved as candidates (ADR 0081).
            e.HasIndex(x => x.Status, "IX_triage_models_OneCandidate").IsUnique()
                .HasFilter(Platform.Database.Migrations.M0020_UniqueAdministrativeKeys.CandidateFilter).RefusesDuplicatesAs("triage.rule.decide_the_candidate_first");
        });
    }
}
