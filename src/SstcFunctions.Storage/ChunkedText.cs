using Azure.Data.Tables;

namespace SstcFunctions.Storage;

/// <summary>
/// Table properties hold at most 64 KiB (32K UTF-16 chars). Long text (a project's JSON with a huge description, a
/// brochure's warnings) is split into numbered properties "Name0", "Name1", … plus "NameChunks", and joined back on read.
/// </summary>
internal static class ChunkedText
{
    public const int MaxCharsPerProperty = 30_000;
    // An entity holds at most 1 MiB and 252 properties; stay well clear so key and other properties still fit.
    public const int MaxTotalChars = 480_000;

    public static void Write(TableEntity entity, string name, string? text)
    {
        if (text is null)
        {
            entity[name + "Chunks"] = 0;
            return;
        }
        if (text.Length > MaxTotalChars)
        {
            throw new EntityTooLargeException($"{name} is {text.Length:N0} characters; one table entity holds at most {MaxTotalChars:N0}.");
        }
        var chunks = 0;
        var start = 0;
        do
        {
            var length = Math.Min(MaxCharsPerProperty, text.Length - start);
            // Never split a surrogate pair across two properties: each half alone is invalid UTF-16 on the wire.
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1])) length--;
            entity[name + chunks] = text.Substring(start, length);
            chunks++;
            start += length;
        }
        while (start < text.Length);
        entity[name + "Chunks"] = chunks;
    }

    public static string? Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? 0;
        if (chunks == 0) return null;
        if (chunks == 1) return entity.GetString(name + "0") ?? "";
        var parts = new string?[chunks];
        for (var i = 0; i < chunks; i++)
        {
            parts[i] = entity.GetString(name + i)
                ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} lacks chunk {i} of {name}.");
        }
        return string.Concat(parts);
    }
}

/// <summary>A record too large for one table entity: reported on the brochure instead of silently truncated.</summary>
public sealed class EntityTooLargeException(string message) : Exception(message);
