using System.Globalization;
using System.Text;

namespace SstcFunctions.Core.Pdf;

/// <summary>A value of PDF object syntax (ISO 32000-2 §7.3), as far as reading a file's encryption facts needs.</summary>
internal abstract record PdfValue;

internal sealed record PdfName(string Value) : PdfValue;

internal sealed record PdfNumber(double Value) : PdfValue
{
    public bool IsInteger => Value == Math.Floor(Value) && Math.Abs(Value) < 1e15;
}

/// <summary>A literal <c>( … )</c> or hexadecimal <c>&lt; … &gt;</c> string, as the bytes it stands for.</summary>
internal sealed record PdfString(byte[] Bytes) : PdfValue;

internal sealed record PdfBoolean(bool Value) : PdfValue;

internal sealed record PdfNull : PdfValue;

internal sealed record PdfReference(int Number, int Generation) : PdfValue;

internal sealed record PdfArray(IReadOnlyList<PdfValue> Items) : PdfValue;

/// <summary>A dictionary; <see cref="KeyOffsets"/> says where in the file each key's "/" stands.</summary>
internal sealed record PdfDictionary(IReadOnlyDictionary<string, PdfValue> Entries, IReadOnlyDictionary<string, int> KeyOffsets) : PdfValue
{
    public PdfValue? this[string key] => Entries.GetValueOrDefault(key);
}

/// <summary>
/// A reader of uncompressed PDF object syntax over the file's bytes: direct values, with indirect references left as
/// references (<see cref="FindObject"/> finds an object's definition). Malformed syntax gives null, never an exception.
/// </summary>
internal static class PdfSyntax
{
    /// <summary>Deeper nesting than this is not read (the file was already refused over 256 by PdfOpening.CheckBytes).</summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// How far a value may reach: a trailer or an encryption dictionary is far smaller, and the bound keeps a file full of
    /// unclosed strings or dictionaries from costing more than this per value read.
    /// </summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>The value starting at <paramref name="position"/> (after white space and comments), or null.</summary>
    public static PdfValue? ReadValue(ReadOnlySpan<byte> bytes, int position)
    {
        var at = position;
        return ReadValue(bytes[..(int)Math.Min(bytes.Length, (long)position + MaxValueBytes)], ref at, 0);
    }

    /// <summary>Where the last definition <c>N G obj</c> of an object starts its value (after "obj"), or -1.</summary>
    public static int FindObject(ReadOnlySpan<byte> bytes, int number, int generation)
    {
        var digits = Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture));
        for (var end = bytes.Length; end > 0;)
        {
            var at = bytes[..end].LastIndexOf(digits);
            if (at < 0) return -1;
            end = at;
            if (at > 0 && IsRegular(bytes[at - 1])) continue;
            // "N G obj" is short: looking no further keeps a long comment full of digits from costing its length each time.
            var header = bytes[..Math.Min(bytes.Length, at + 64)];
            var i = at + digits.Length;
            if (!SkipSpace(header, ref i, required: true) || ReadInteger(header, ref i) != generation) continue;
            if (!SkipSpace(header, ref i, required: true) || !header[i..].StartsWith("obj"u8)) continue;
            i += 3;
            if (i < bytes.Length && IsRegular(bytes[i])) continue;
            return i;
        }
        return -1;
    }

    private static PdfValue? ReadValue(ReadOnlySpan<byte> bytes, ref int i, int depth)
    {
        SkipSpace(bytes, ref i);
        if (i >= bytes.Length || depth > MaxDepth) return null;
        switch (bytes[i])
        {
            case (byte)'/':
                return ReadName(bytes, ref i) is { } name ? new PdfName(name) : null;
            case (byte)'(':
                return ReadLiteral(bytes, ref i);
            case (byte)'<' when i + 1 < bytes.Length && bytes[i + 1] == '<':
                return ReadDictionary(bytes, ref i, depth);
            case (byte)'<':
                return ReadHex(bytes, ref i);
            case (byte)'[':
                return ReadArray(bytes, ref i, depth);
            case (byte)'t' when bytes[i..].StartsWith("true"u8):
                i += 4;
                return new PdfBoolean(true);
            case (byte)'f' when bytes[i..].StartsWith("false"u8):
                i += 5;
                return new PdfBoolean(false);
            case (byte)'n' when bytes[i..].StartsWith("null"u8):
                i += 4;
                return new PdfNull();
            default:
                return ReadNumberOrReference(bytes, ref i);
        }
    }

    private static PdfDictionary? ReadDictionary(ReadOnlySpan<byte> bytes, ref int i, int depth)
    {
        i += 2;
        var entries = new Dictionary<string, PdfValue>(StringComparer.Ordinal);
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace(bytes, ref i);
            if (i + 1 < bytes.Length && bytes[i] == '>' && bytes[i + 1] == '>')
            {
                i += 2;
                return new PdfDictionary(entries, offsets);
            }
            var keyAt = i;
            if (i >= bytes.Length || bytes[i] != '/' || ReadName(bytes, ref i) is not { } key) return null;
            if (ReadValue(bytes, ref i, depth + 1) is not { } value) return null;
            entries[key] = value;
            offsets[key] = keyAt;
        }
    }

    private static PdfArray? ReadArray(ReadOnlySpan<byte> bytes, ref int i, int depth)
    {
        i++;
        var items = new List<PdfValue>();
        while (true)
        {
            SkipSpace(bytes, ref i);
            if (i >= bytes.Length) return null;
            if (bytes[i] == ']')
            {
                i++;
                return new PdfArray(items);
            }
            if (ReadValue(bytes, ref i, depth + 1) is not { } item) return null;
            items.Add(item);
        }
    }

    /// <summary>A name after its "/", with #xx escapes decoded (§7.3.5).</summary>
    private static string? ReadName(ReadOnlySpan<byte> bytes, ref int i)
    {
        i++;
        var name = new List<byte>();
        while (i < bytes.Length && IsRegular(bytes[i]))
        {
            if (bytes[i] == '#' && i + 2 < bytes.Length && HexValue(bytes[i + 1]) is >= 0 and var high && HexValue(bytes[i + 2]) is >= 0 and var low)
            {
                name.Add((byte)(high * 16 + low));
                i += 3;
                continue;
            }
            name.Add(bytes[i++]);
        }
        return Encoding.UTF8.GetString([.. name]);
    }

    /// <summary>A literal string (§7.3.4.2): balanced parentheses, \n \r \t \b \f \( \) \\ and \ddd escapes, a backslash before an end of line continues the line, and an end of line stands for a line feed.</summary>
    private static PdfString? ReadLiteral(ReadOnlySpan<byte> bytes, ref int i)
    {
        i++;
        var value = new List<byte>();
        for (var open = 1; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '\\')
            {
                if (++i >= bytes.Length) return null;
                var escaped = bytes[i];
                switch (escaped)
                {
                    case (byte)'n': value.Add((byte)'\n'); break;
                    case (byte)'r': value.Add((byte)'\r'); break;
                    case (byte)'t': value.Add((byte)'\t'); break;
                    case (byte)'b': value.Add((byte)'\b'); break;
                    case (byte)'f': value.Add((byte)'\f'); break;
                    case (byte)'\r':
                        if (i + 1 < bytes.Length && bytes[i + 1] == '\n') i++;
                        break;
                    case (byte)'\n':
                        break;
                    case >= (byte)'0' and <= (byte)'7':
                        var octal = 0;
                        for (var n = 0; n < 3 && i < bytes.Length && bytes[i] is >= (byte)'0' and <= (byte)'7'; n++, i++) octal = octal * 8 + (bytes[i] - '0');
                        i--;
                        value.Add((byte)octal); // high-order overflow is ignored (§7.3.4.2)
                        break;
                    default: value.Add(escaped); break; // \( \) \\ and, ignoring the backslash, anything else
                }
                continue;
            }
            if (b == '(') open++;
            else if (b == ')' && --open == 0)
            {
                i++;
                return new PdfString([.. value]);
            }
            if (b == '\r')
            {
                if (i + 1 < bytes.Length && bytes[i + 1] == '\n') i++;
                b = (byte)'\n';
            }
            value.Add(b);
        }
        return null;
    }

    /// <summary>A hexadecimal string (§7.3.4.3): white space ignored, a missing last digit is 0.</summary>
    private static PdfString? ReadHex(ReadOnlySpan<byte> bytes, ref int i)
    {
        i++;
        var value = new List<byte>();
        var high = -1;
        for (; i < bytes.Length; i++)
        {
            if (bytes[i] == '>')
            {
                if (high >= 0) value.Add((byte)(high * 16));
                i++;
                return new PdfString([.. value]);
            }
            if (IsWhiteSpace(bytes[i])) continue;
            var digit = HexValue(bytes[i]);
            if (digit < 0) return null;
            if (high < 0) high = digit;
            else
            {
                value.Add((byte)(high * 16 + digit));
                high = -1;
            }
        }
        return null;
    }

    private static PdfValue? ReadNumberOrReference(ReadOnlySpan<byte> bytes, ref int i)
    {
        var start = i;
        while (i < bytes.Length && bytes[i] is (byte)'+' or (byte)'-' or (byte)'.' or >= (byte)'0' and <= (byte)'9') i++;
        if (i == start || !double.TryParse(bytes[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return null;
        // "N G R": two unsigned integers and the keyword R.
        var after = i;
        if (bytes[start..i].IndexOfAny("+-."u8) < 0 && SkipSpace(bytes, ref after, required: true) && ReadInteger(bytes, ref after) is >= 0 and var generation
            && SkipSpace(bytes, ref after, required: true) && after < bytes.Length && bytes[after] == 'R'
            && (after + 1 >= bytes.Length || !IsRegular(bytes[after + 1])) && number <= int.MaxValue)
        {
            i = after + 1;
            return new PdfReference((int)number, generation);
        }
        return new PdfNumber(number);
    }

    private static int ReadInteger(ReadOnlySpan<byte> bytes, ref int i)
    {
        var start = i;
        var value = 0L;
        while (i < bytes.Length && bytes[i] is >= (byte)'0' and <= (byte)'9' && value <= int.MaxValue) value = value * 10 + (bytes[i++] - '0');
        return i == start || value > int.MaxValue ? -1 : (int)value;
    }

    /// <summary>Skips white space and comments; with <paramref name="required"/>, false when there was none.</summary>
    private static bool SkipSpace(ReadOnlySpan<byte> bytes, ref int i, bool required = false)
    {
        var start = i;
        while (i < bytes.Length)
        {
            if (IsWhiteSpace(bytes[i])) i++;
            else if (bytes[i] == '%') while (i < bytes.Length && bytes[i] is not ((byte)'\r' or (byte)'\n')) i++;
            else break;
        }
        return !required || (i > start && i < bytes.Length);
    }

    private static bool IsWhiteSpace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsRegular(byte b) => !IsWhiteSpace(b) && !IsDelimiter(b);

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
