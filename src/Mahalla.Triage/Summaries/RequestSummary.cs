using System.Text;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Summaries;

/// <summary>
/// Extractive summaries for the staff inbox: the one or two sentences of a request that carry
/// it, chosen by content weight (TF-IDF against the background), request words (iltimos,
/// прошу, please…) and position, with greetings and sign-offs passed over. The sentences are
/// the writer's own, cleaned of HTML, in their original order. Pure and thread-safe.
/// </summary>
public static class RequestSummary
{
    // Normalised stems (Uzbek in Latin) of words that ask for something.
    private static readonly string[] RequestStems =
    [
        "iltimos", "soʻra", "kerak", "yordam", "hal qil", "chora", "taʼmirla", "tuzat",
        "прошу", "просим", "нужн", "помог", "помощ", "необходим", "примите меры", "отремонт", "устран",
        "please", "need", "request", "help", "repair", "fix",
    ];

    // Sentences made only of these are greetings or sign-offs.
    private static readonly string[] CourtesyStems =
    [
        "assalom", "alaykum", "hurmatli", "rahmat", "hurmat", "bilan", "salom", "xayrli", "kun", "oldindan", "sizga", "murojaat", "qilyapman",
        "здравствуйте", "добрый", "день", "уважаем", "спасибо", "заранее", "благодар", "уважением", "обращаюсь", "вам",
        "hello", "dear", "sir", "madam", "thank", "thanks", "regards", "kind", "sincerely", "advance", "good", "morning", "afternoon", "you",
    ];

    /// <summary>The sentences that carry the request (at most <paramref name="maxSentences"/>), joined by a space.</summary>
    public static string Summarize(string text, int maxSentences = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Sentences(TextNormalizer.Clean(text));
        // Each sentence is normalised and split into words once; both the courtesy test and the score read them.
        var words = sentences.Select(s => { var normalized = TextNormalizer.MatchingKey(s); return (normalized, tokens: Tokenizer.Tokens(normalized)); }).ToList();
        if (sentences.Count <= maxSentences && words.All(w => !IsCourtesy(w.tokens)))
        {
            return string.Join(' ', sentences);
        }

        var scored = sentences.Select((sentence, index) => (sentence, index, score: Score(words[index].normalized, words[index].tokens, index))).ToList();
        var chosen = scored.Where(s => s.score > 0).OrderByDescending(s => s.score).ThenBy(s => s.index).Take(Math.Max(1, maxSentences)).OrderBy(s => s.index).ToList();

        // A long first choice says enough alone: the inbox shows a line or two.
        if (chosen.Count > 1 && chosen.Sum(c => c.sentence.Length) > 320)
        {
            chosen = [.. chosen.OrderByDescending(c => c.score).Take(1)];
        }

        return chosen.Count == 0 ? string.Join(' ', sentences.Take(1)) : string.Join(' ', chosen.Select(c => c.sentence));
    }

    internal static List<string> Sentences(string clean)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (c == '\n')
            {
                Flush();
                continue;
            }

            current.Append(c);
            if (c is '.' or '!' or '?' or '…' && EndsSentence(clean, i, current))
            {
                Flush();
            }
        }

        Flush();
        return sentences;

        void Flush()
        {
            var sentence = current.ToString().Trim();
            if (sentence.Any(char.IsLetter))
            {
                sentences.Add(sentence);
            }

            current.Clear();
        }
    }

    // A stop ends a sentence before a space and a capital or digit, unless it closes an initial
    // or a short abbreviation ("Sh. Mirziyoyev", "koʻch. 5").
    private static bool EndsSentence(string text, int i, StringBuilder current)
    {
        var next = i + 1;
        if (next < text.Length && text[next] is '.' or '!' or '?' or '…' or '"' or '»' or ')')
        {
            // The stop continues ("?!", "...") or a quotation closes first: decide at the last character.
            return false;
        }

        if (next >= text.Length)
        {
            return true;
        }

        if (text[next] != ' ' || next + 1 >= text.Length)
        {
            return false;
        }

        var following = text[next + 1];
        if (!char.IsUpper(following) && !char.IsDigit(following) && following is not ('"' or '«' or '-' or '–'))
        {
            return false;
        }

        if (text[i] != '.')
        {
            return true;
        }

        var word = current.ToString().TrimEnd('.').Split(' ').LastOrDefault() ?? "";
        return word.Length > 3 || (word.Length > 0 && char.IsLower(word[0]) && word.Length > 2);
    }

    private static double Score(string normalized, List<string> tokens, int index)
    {
        if (tokens.Count == 0 || IsCourtesy(tokens))
        {
            return 0;
        }

        var weights = KeywordExtractor.Default.Weights(tokens.Where(KeywordExtractor.IsContentWord));
        var score = weights.Values.Sum() / Math.Sqrt(tokens.Count + 2);
        if (RequestStems.Any(stem => normalized.Contains(stem, StringComparison.Ordinal)))
        {
            score *= 1.4;
        }

        return index == 0 ? score * 1.15 : score;
    }

    private static bool IsCourtesy(List<string> tokens)
    {
        var courteous = tokens.Count(t => CourtesyStems.Any(s => t.StartsWith(s, StringComparison.Ordinal)));
        return tokens.Count > 0 && courteous >= Math.Max(1, tokens.Count - 1);
    }
}
