namespace SstcFunctions.Core.Layout;

/// <summary>
/// The few words the layout must recognise to rebuild cards: outcome lines, region headings and labelled fields.
/// The layout stays free of vocabularies; Classification provides them (<c>BrochureVocabulary</c>) in every language.
/// The layout asks from several threads at once (pages are segmented in parallel): implementations must be safe for that.
/// </summary>
public interface ICardVocabulary
{
    /// <summary>"Outcome 5: …", "Resultado 5:", "Résultat 5 :" as a line of its own.</summary>
    bool IsOutcomeLine(string text);

    /// <summary>The canonical region a heading names ("2 Latin America and the Caribbean" → that region), or null.</summary>
    string? Region(string heading);

    /// <summary>A labelled line ("Countries: Kenya, Uganda", "Socios: OIT") as its field and value, or null.</summary>
    FieldLine? Field(string text);

    /// <summary>The language a text is written in (BCP 47, "en"), or null when its words do not decide it.</summary>
    string? Language(string text);

    /// <summary>A photo caption or credit ("Photo: … © ILO", "Foto: …"): neither description nor tags.</summary>
    bool IsCaption(string text);
}

/// <summary>The fields a card may print as labelled lines instead of prose.</summary>
public enum CardField
{
    Countries,
    Partners,
    Donor,
    Budget,
    Duration,
    Beneficiaries,
}

/// <summary>A labelled line of a card: which field, and the value as printed (line breaks joined).</summary>
public sealed record FieldLine(CardField Field, string Value);
