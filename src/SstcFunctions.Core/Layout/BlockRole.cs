namespace SstcFunctions.Core.Layout;

/// <summary>What a block is to a reader of the brochure.</summary>
public enum BlockRole
{
    /// <summary>Text in the brochure's body style: descriptions, introductions.</summary>
    Body,
    /// <summary>A card title: a style stronger than the body, repeatedly followed by body text.</summary>
    Title,
    /// <summary>"Outcome 5: …", below a description or as a badge above a title.</summary>
    Outcome,
    /// <summary>A region heading: banner, page heading or band between cards.</summary>
    Region,
    /// <summary>A labelled line of a card ("Countries: …", "Partners: …"): a field, never description.</summary>
    Field,
    /// <summary>A photo caption or credit: belongs to no card's text.</summary>
    Caption,
    /// <summary>Small labels directly above a title ("Triangular · Study tour").</summary>
    Tags,
    /// <summary>Anything else: cover titles, captions, contents entries.</summary>
    Other,
}
