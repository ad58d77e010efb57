using System.Globalization;
using System.IO.Compression;
using System.Text;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.Cli;

/// <summary>
/// A synthetic brochure the serving worker reads while it waits for its first request (<see cref="IdleWarmUp"/>): pages
/// of region headings and two columns of project cards (shaded boxes, bold titles, body text naming countries in
/// English, Spanish and French, outcome lines), set in the standard-14 fonts with kerned text. It runs the same code a real brochure runs (parallel parsing,
/// line building, layout, classification, the answer's JSON) often enough for the runtime to finish its profile-guided
/// recompilation, which otherwise takes a fresh worker's first three or four real brochures.
/// </summary>
internal static class WarmUpBrochure
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 48, ColumnGap = 20;
    private const double TitleSize = 10, BodySize = 8.5, Leading = 11;
    private const int CharactersPerLine = 58, TitleCharactersPerLine = 34;

    private static readonly string[] Regions =
        ["AFRICA", "LATIN AMERICA AND THE CARIBBEAN", "ASIA AND THE PACIFIC", "ARAB STATES", "EUROPE AND CENTRAL ASIA", "INTERREGIONAL"];

    private static readonly string[][] Countries =
    [
        ["Mozambique", "Cabo Verde", "Senegal", "Kenya", "South Africa"],
        ["Brazil", "Argentina", "Peru", "Mexico", "Costa Rica"],
        ["Indonesia", "Viet Nam", "India", "Philippines", "Timor-Leste"],
        ["Jordan", "Lebanon", "Oman", "Qatar"],
        ["Türkiye", "Kazakhstan", "Uzbekistan", "Georgia"],
        ["China", "Colombia", "Egypt", "Bangladesh", "Ghana"],
    ];

    private static readonly string[] Titles =
    [
        "SKILLS PARTNERSHIPS FOR YOUTH EMPLOYMENT AND APPRENTICESHIPS",
        "FORTALECIMIENTO DE LA PROTECCIÓN SOCIAL PARA TRABAJADORES RURALES",
        "COOPÉRATION POUR LA SÉCURITÉ ET SANTÉ AU TRAVAIL DANS LES MINES",
        "PEER LEARNING ON LABOUR MIGRATION GOVERNANCE",
        "ECONOMÍA SOCIAL Y SOLIDARIA EN COOPERATIVAS DE MUJERES",
        "ÉLIMINATION DU TRAVAIL DES ENFANTS DANS L'AGRICULTURE",
    ];

    // One body and one outcome per language, in the titles' order (English, Spanish, French).
    private static readonly string[] Bodies =
    [
        "This project will facilitate knowledge-sharing among ILO constituents from {0} on national youth employment policies and apprenticeships. Activities include online training, a regional workshop and the publication of a practical guide.",
        "El proyecto apoyará el intercambio de experiencias entre {0} para extender la protección social a los trabajadores rurales y de la economía informal, con visitas de estudio y un taller tripartito.",
        "Ce projet facilitera le partage de connaissances entre les mandants de l'OIT de {0} sur la sécurité et la santé au travail, avec des formations en ligne et un atelier régional.",
    ];

    private static readonly string[] Outcomes =
    [
        "Outcome 3: Economic, social and environmental transitions for full, productive and freely chosen employment and decent work for all",
        "Resultado 8: Protección social universal, integral y sostenible",
        "Résultat 7: Protection adéquate et efficace au travail pour tous",
    ];

    /// <summary>Builds the brochure: <paramref name="pages"/> pages of eight cards each.</summary>
    public static byte[] Build(int pages)
    {
        var pdf = new MinimalPdf.Writer();
        const int pagesObject = 2;
        var regular = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        var bold = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        var italic = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic /Encoding /WinAnsiEncoding >>");
        var kids = new List<int>();
        var card = 0;
        for (var page = 0; page < pages; page++)
        {
            var content = new StringBuilder();
            var region = page % Regions.Length;
            // Pages cycle through the ways producers position and encode text, so each path is warmed.
            var style = (TextStyle)(page % 3);
            Text(content, style, "F1", 7.5, Margin, PageHeight - 28, $"ILO South-South and Triangular Cooperation | {page + 1}", kerned: false);
            content.Append("0.1 0.3 0.6 rg\n");
            Text(content, style, "F2", 16, Margin, PageHeight - 70, Regions[region], kerned: false);
            content.Append("0 g\n");
            var columnWidth = (PageWidth - 2 * Margin - ColumnGap) / 2;
            for (var column = 0; column < 2; column++)
            {
                var x = Margin + column * (columnWidth + ColumnGap);
                var top = PageHeight - 100;
                for (var row = 0; row < 4; row++, card++)
                {
                    var title = Wrap(Titles[card % Titles.Length], TitleCharactersPerLine);
                    var countries = Countries[region].Skip(card % 3).Take(2 + card % 3).ToList();
                    var named = string.Join(", ", countries.Take(countries.Count - 1)) + " and " + countries[^1];
                    // A reference unique to the card: identical text at the same place on several pages reads as page furniture.
                    var body = Wrap(string.Format(CultureInfo.InvariantCulture, Bodies[card % Titles.Length % Bodies.Length], named) +
                                    $" Ref. SSTC/{2020 + card % 4}/{card + 1:D3}.", CharactersPerLine);
                    var outcome = Wrap(Outcomes[card % Titles.Length % Outcomes.Length], CharactersPerLine);
                    var height = (title.Count + body.Count + outcome.Count) * Leading + 3 * 6;
                    content.Append(CultureInfo.InvariantCulture, $"q 0.94 0.95 0.97 rg {x - 6:F1} {top - height:F1} {columnWidth + 12:F1} {height + 4:F1} re f Q\n");
                    var y = top - TitleSize;
                    foreach (var line in title) { Text(content, style, "F2", TitleSize, x, y, line, kerned: false); y -= Leading; }
                    y -= 6;
                    foreach (var line in body) { Text(content, style, "F1", BodySize, x, y, line, kerned: true); y -= Leading; }
                    y -= 6;
                    foreach (var line in outcome) { Text(content, style, "F3", BodySize, x, y, line, kerned: false); y -= Leading; }
                    top -= height + 18;
                }
            }
            // Compressed, as producers write their content streams; every other page also ASCII85-armoured.
            var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(Encoding.Latin1.GetBytes(content.ToString()));
            var stream = page % 2 == 0
                ? pdf.AddStream("/Filter /FlateDecode", compressed.ToArray())
                : pdf.AddStream("/Filter [/ASCII85Decode /FlateDecode]", Ascii85(compressed.ToArray()));
            kids.Add(pdf.Add($"<< /Type /Page /Parent {pagesObject} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] " +
                             $"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R /F3 {italic} 0 R >> >> /Contents {stream} 0 R >>"));
        }
        pdf.Set(pagesObject, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {pages} >>");
        pdf.Set(1, $"<< /Type /Catalog /Pages {pagesObject} 0 R >>");
        return pdf.ToBytes();
    }

    private enum TextStyle { Moved, Matrix, Transformed }

    // Body lines are kerned word by word (TJ with adjustments), as typesetting tools write them; the rest are plain Tj.
    // Moved: Td and literal strings. Matrix: Tm, word spacing and octal escapes. Transformed: cm, T* and hex strings.
    private static void Text(StringBuilder content, TextStyle style, string font, double size, double x, double y, string text, bool kerned)
    {
        // Transformed text starts one line above its place: T* moves it down by the leading.
        if (style == TextStyle.Transformed) content.Append(CultureInfo.InvariantCulture, $"q 1 0 0 1 {x:F2} {y + Leading:F2} cm ");
        content.Append(CultureInfo.InvariantCulture, $"BT /{font} {size} Tf ");
        switch (style)
        {
            case TextStyle.Moved:
                content.Append(CultureInfo.InvariantCulture, $"{x:F2} {y:F2} Td ");
                break;
            case TextStyle.Matrix:
                content.Append(CultureInfo.InvariantCulture, $"0.2 Tw 1 0 0 1 {x:F2} {y:F2} Tm ");
                break;
            case TextStyle.Transformed:
                content.Append(CultureInfo.InvariantCulture, $"{Leading} TL T* ");
                break;
        }
        string Encode(string piece) => style switch
        {
            TextStyle.Matrix => "(" + string.Concat(MinimalPdf.Escape(piece).Select(c => c < 128 ? c.ToString() : $"\\{Convert.ToString(c, 8)}")) + ")",
            TextStyle.Transformed => "<" + Convert.ToHexString(Encoding.Latin1.GetBytes(piece)) + ">",
            _ => "(" + MinimalPdf.Escape(piece) + ")",
        };
        if (kerned)
        {
            content.Append('[');
            var words = text.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                content.Append(Encode(i < words.Length - 1 ? words[i] + " " : words[i]));
                if (i < words.Length - 1) content.Append(i % 2 == 0 ? " -12 " : " 8 ");
            }
            content.Append("] TJ");
        }
        else
        {
            content.Append(Encode(text)).Append(" Tj");
        }
        content.Append(style == TextStyle.Transformed ? " ET Q\n" : " ET\n");
    }

    private static byte[] Ascii85(byte[] data)
    {
        var output = new StringBuilder();
        Span<char> digits = stackalloc char[5];
        for (var i = 0; i < data.Length; i += 4)
        {
            var count = Math.Min(4, data.Length - i);
            uint word = 0;
            for (var j = 0; j < 4; j++) word = (word << 8) | (j < count ? data[i + j] : 0u);
            if (word == 0 && count == 4)
            {
                output.Append('z');
                continue;
            }
            for (var j = 4; j >= 0; j--)
            {
                digits[j] = (char)('!' + word % 85);
                word /= 85;
            }
            output.Append(digits[..(count + 1)]);
        }
        return Encoding.ASCII.GetBytes(output.Append("~>").ToString());
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }
}
