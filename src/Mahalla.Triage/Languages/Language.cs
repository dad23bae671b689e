namespace Mahalla.Triage.Languages;

/// <summary>The languages and scripts triage tells apart.</summary>
public enum Language
{
    /// <summary>Any other language, or text too short or too mixed to tell.</summary>
    Other,

    /// <summary>Uzbek in Latin script (uz-Latn).</summary>
    UzbekLatin,

    /// <summary>Uzbek in Cyrillic script (uz-Cyrl).</summary>
    UzbekCyrillic,

    /// <summary>Russian (ru).</summary>
    Russian,

    /// <summary>Karakalpak, either script (kaa).</summary>
    Karakalpak,

    /// <summary>English (en).</summary>
    English,
}

/// <summary>BCP 47 tags for <see cref="Language"/>.</summary>
public static class LanguageTags
{
    /// <summary>The BCP 47 tag: uz-Latn, uz-Cyrl, ru, kaa, en, or "und" for <see cref="Language.Other"/>.</summary>
    public static string ToTag(this Language language) => language switch
    {
        Language.UzbekLatin => "uz-Latn",
        Language.UzbekCyrillic => "uz-Cyrl",
        Language.Russian => "ru",
        Language.Karakalpak => "kaa",
        Language.English => "en",
        _ => "und",
    };

    /// <summary>Reads a tag or a common alias (uz, uz_lat, uz-Cyrl, rus, eng…); unknown values are <see cref="Language.Other"/>.</summary>
    public static Language FromTag(string? tag) => tag?.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        "uz-latn" or "uz" or "uz-lat" or "uzb" => Language.UzbekLatin,
        "uz-cyrl" or "uz-cyr" => Language.UzbekCyrillic,
        "ru" or "rus" or "ru-cyrl" => Language.Russian,
        "kaa" or "kaa-latn" or "kaa-cyrl" => Language.Karakalpak,
        "en" or "eng" => Language.English,
        _ => Language.Other,
    };
}
