namespace SstcFunctions.FunctionApp.Http;

/// <summary>Brochure ids in routes are slugs (see Core.BrochureId); anything else cannot name a brochure.</summary>
public static class BrochureRoute
{
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= 100 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static string Printable(string? value)
    {
        value ??= "";
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(60).ToArray());
        return clean.Length < value.Length ? clean + "…" : clean;
    }
}
