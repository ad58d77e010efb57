namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// Text cells a spreadsheet will not run as a formula (CSV injection, OWASP): a cell whose text starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a single quote in front, which spreadsheets
/// read as "this cell is text" (the CSV writer also quotes such a cell). Lossless: <see cref="Restore"/> gives back the
/// exact original text, also for text that itself starts with quotes followed by one of those characters (those get
/// one more quote, so a quote is never removed that was not added). Every export of extracted text uses this.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The characters that make a cell a possible formula when its text starts with one of them.</summary>
    public const string FormulaPrefixes = "=+-@\t\r";

    /// <summary>What goes in front of a possible formula.</summary>
    public const char Escape = '\'';

    /// <summary>The text a spreadsheet shows as text, never evaluates.</summary>
    public static string Neutralise(string text) => NeedsEscape(text) ? Escape + text : text;

    /// <summary>True when <see cref="Neutralise"/> changes the text.</summary>
    public static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        var rest = text.TrimStart(Escape);
        return rest.Length > 0 && FormulaPrefixes.Contains(rest[0]);
    }

    /// <summary>The original text of a cell written with <see cref="Neutralise"/>.</summary>
    public static string Restore(string cell) =>
        cell.Length > 0 && cell[0] == Escape && NeedsEscape(cell.AsSpan(1)) ? cell[1..] : cell;
}
