using Mahalla.Triage.Duplicates;

namespace Mahalla.Triage.Tests;

public sealed class DuplicateTests
{
    private static readonly DateTime Monday = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly GeoPoint Chilonzor = new(41.2756, 69.2034);
    private static readonly GeoPoint FiftyMetresAway = new(41.2760, 69.2036);
    private static readonly GeoPoint Yunusobod = new(41.3650, 69.2880);

    private static DuplicateCandidate Report(string id, string text, GeoPoint? at = null, int hours = 0, string? territory = null, string? category = null, string? applicant = null, int people = 1) =>
        new(id, TextSignature.Of(text), Monday.AddHours(hours), at, territory, category, applicant, people);

    [Fact]
    public void Reports_of_one_problem_in_both_scripts_and_any_apostrophe_are_grouped()
    {
        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", "Ko'chamizdagi chiroqlar uch kundan beri yonmayapti, iltimos tuzating", Chilonzor));
        grouper.Add(Report("b", "Кўчамиздаги чироқлар уч кундан бери ёнмаяпти", FiftyMetresAway, hours: 5));
        var group = grouper.Add(Report("c", "ko‘chamizdagi chiroqlar yonmayapti!!! 3 kundan beri", Chilonzor, hours: 30));

        Assert.Equal("a", group.MasterId);
        Assert.Equal(["a", "b", "c"], group.MemberIds);
        Assert.Equal(3, group.AffectedPeople);
        Assert.Single(grouper.Groups);
    }

    [Fact]
    public void A_request_joins_a_group_through_its_master_so_rewordings_do_not_drift_and_a_campaign_is_one_group()
    {
        const string x = "Oybek ko'chasidagi suv quvuri yorilib ketdi";
        const string y = "suv yo'lga oqib yotibdi va muzlab qoldi";
        const string z = "uch kundan beri hech kim kelmadi";
        const string w = "qo'shnilarning yerto'lalarini suv bosdi";
        const string v = "bolalar maktabga aylanib borishmoqda";
        var (a, b, c) = ($"{x} {y} {z}", $"{y} {z} {w}", $"{z} {w} {v}");
        var pairs = new DuplicateGrouper();
        pairs.Add(Report("a", a, territory: "m"));
        pairs.Add(Report("b", b, territory: "m", hours: 1));
        Assert.Equal(["b"], pairs.FindDuplicates(Report("c", c, territory: "m", hours: 2)).Select(d => d.Id)); // c resembles b, not a

        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", a, territory: "m"));
        Assert.Equal("a", grouper.Add(Report("b", b, territory: "m", hours: 1)).MasterId);
        Assert.Equal("c", grouper.Add(Report("c", c, territory: "m", hours: 2)).MasterId);

        // Near-copies of one template, each with its own house number and name: one group, however many.
        for (var i = 0; i < 40; i++)
        {
            grouper.Add(Report($"k{i:D2}", $"Hurmatli hokimiyat! Men, {i + 10}-uy egasi, ko'chamizda uch haftadan beri ichimlik suvi yo'qligi haqida shikoyat qilaman. Chora ko'rishingizni so'rayman.",
                territory: "m", hours: 3 + i, applicant: $"p{i}"));
        }

        var campaign = grouper.GroupOf("k39");
        Assert.Equal("k00", campaign.MasterId);
        Assert.Equal(40, campaign.Count);
    }

    [Fact]
    public void The_same_words_far_away_are_a_different_problem()
    {
        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", "Ko'chamizdagi chiroqlar uch kundan beri yonmayapti", Chilonzor));
        var other = grouper.Add(Report("b", "Ko'chamizdagi chiroqlar uch kundan beri yonmayapti", Yunusobod, hours: 1));
        Assert.Equal("b", other.MasterId);
        Assert.Equal(2, grouper.Groups.Count);
    }

    [Fact]
    public void The_same_words_a_month_later_are_a_new_problem()
    {
        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", "Uyimiz oldidagi quvur yorilib suv oqyapti", Chilonzor));
        grouper.Add(Report("b", "Uyimiz oldidagi quvur yorilib suv oqyapti", Chilonzor, hours: 24 * 30));
        Assert.Equal(2, grouper.Groups.Count);
    }

    [Fact]
    public void A_different_problem_in_the_same_street_is_kept_apart()
    {
        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", "Ko'chamizdagi chiroqlar uch kundan beri yonmayapti", Chilonzor, category: "street-lighting"));
        grouper.Add(Report("b", "Ko'chamizdagi axlat uch kundan beri olib ketilmayapti", Chilonzor, hours: 2, category: "waste"));
        grouper.Add(Report("c", "Mahallada gaz bosimi juda past, plita yonmaydi", Chilonzor, hours: 3, category: "gas-supply"));
        Assert.Equal(3, grouper.Groups.Count);
    }

    [Fact]
    public void Without_points_the_same_territory_decides()
    {
        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", "Bolalar maydonchasidagi arg'imchoq singan", territory: "mahalla-17"));
        grouper.Add(Report("b", "Bolalar maydonchasidagi arg'imchoq singan, bolalar jarohat olishi mumkin", territory: "mahalla-17", hours: 4));
        grouper.Add(Report("c", "Bolalar maydonchasidagi arg'imchoq singan", territory: "mahalla-18", hours: 4));
        Assert.Equal(2, grouper.GroupOf("b").Count);
        Assert.Equal(1, grouper.GroupOf("c").Count);
    }

    [Fact]
    public void One_applicant_reporting_twice_is_counted_once_and_households_count_their_people()
    {
        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", "Podyezdda gaz hidi kelyapti", Chilonzor, applicant: "p1", people: 4));
        grouper.Add(Report("b", "Podyezdda gaz hidi kelyapti, tezroq keling", Chilonzor, hours: 1, applicant: "p1", people: 4));
        var group = grouper.Add(Report("c", "Podyezdimizda gaz hidi bor", Chilonzor, hours: 2, applicant: "p2", people: 3));
        Assert.Equal(3, group.Count);
        Assert.Equal(7, group.AffectedPeople);
    }

    [Fact]
    public void Staff_can_split_a_request_out_and_merge_groups()
    {
        var grouper = new DuplicateGrouper();
        grouper.Add(Report("a", "Ko'chamizdagi chiroqlar yonmayapti", Chilonzor));
        grouper.Add(Report("b", "Ko'chamizdagi chiroqlar yonmayapti", Chilonzor, hours: 1));
        grouper.Add(Report("x", "Maktab yonidagi yo'lda katta chuqur bor", Chilonzor, hours: 2));

        var split = grouper.Split("b");
        Assert.Equal(["b"], split.MemberIds);
        Assert.Equal(["a"], grouper.GroupOf("a").MemberIds);

        var merged = grouper.Merge("x", "a");
        Assert.Equal("a", merged.MasterId);
        Assert.Equal(["a", "x"], merged.MemberIds);
        Assert.Equal(2, grouper.Groups.Count);
    }

    [Fact]
    public void Signatures_survive_storage_and_estimate_similarity()
    {
        var signature = TextSignature.Of("Uch kundan beri ichimlik suvi yo'q");
        var restored = TextSignature.FromBase64(signature.ToBase64());
        Assert.Equal(1.0, signature.Similarity(restored));
        Assert.True(signature.Similarity(TextSignature.Of("Third day without electricity in the building")) < 0.1);
        Assert.True(TextSignature.Of("!!!").IsEmpty);
        Assert.Equal(0, TextSignature.Of("!!!").Similarity(TextSignature.Of("!!!")));
    }

    [Fact]
    public void A_probe_finds_exactly_the_duplicates_the_grouper_finds()
    {
        // Near-copies (a word changed, dropped or added), the same problem retold, and unrelated
        // sentences: pairs on both sides of the band rule and of the similarity threshold.
        var texts = TestData.LanguageSentences().Take(60).Select(s => s.Text).ToList();
        var rng = new Random(20261122);
        foreach (var sentence in texts.Take(30).ToList())
        {
            var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count < 3)
            {
                continue;
            }

            var changed = new List<string>(words);
            changed.RemoveAt(rng.Next(changed.Count));
            texts.Add(string.Join(' ', changed));
            changed.Insert(rng.Next(changed.Count), "iltimos");
            changed[rng.Next(changed.Count)] = "suv";
            texts.Add(string.Join(' ', changed));
        }

        texts.Add("!!!");
        var options = new DuplicateOptions();
        var stored = texts.Select(t => TextSignature.Of(t).ToBase64()).ToList();
        var (matches, misses) = (0, 0);
        for (var i = 0; i < texts.Count; i++)
        {
            var probe = new DuplicateProbe(TextSignature.Of(texts[i]), options.MinSimilarity);
            for (var j = 0; j < texts.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var grouper = new DuplicateGrouper(options);
                grouper.Add(Report("earlier", texts[j], territory: "m"));
                var expected = grouper.FindDuplicates(Report("new", texts[i], territory: "m"));
                var found = probe.SimilarityTo(stored[j]);
                if (expected.Count == 0)
                {
                    Assert.Null(found);
                    misses++;
                }
                else
                {
                    Assert.Equal(expected[0].Similarity, found);
                    matches++;
                }
            }
        }

        Assert.True(matches >= 60, $"only {matches} duplicate pairs: the sample does not test the match side");
        Assert.True(misses >= 1_000, $"only {misses} pairs apart");
        Assert.Throws<FormatException>(() => new DuplicateProbe(TextSignature.Of("suv yo'q"), 0.35).SimilarityTo("bm90IGEgc2lnbmF0dXJl"));
    }

    [Fact]
    public void Distances_are_great_circle_metres() =>
        Assert.InRange(Chilonzor.MetresTo(Yunusobod), 12_000, 13_000);
}
