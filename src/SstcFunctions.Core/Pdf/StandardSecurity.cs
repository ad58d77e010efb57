using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SstcFunctions.Core.Pdf;

/// <summary>What a password check of the standard security handler found.</summary>
internal enum PasswordCheck
{
    /// <summary>The password is the user or the owner password: the file opens with it.</summary>
    Opens,
    DoesNotOpen,
    /// <summary>Not the standard handler, a revision other than 2 to 6, or /O and /U of the wrong size: no check is possible.</summary>
    CannotTell,
}

/// <summary>
/// The password checks of the standard security handler, ISO 32000-2 §7.6.4: revisions 2 to 4 (algorithms 2, 4, 5 and 7,
/// MD5 and RC4) and 5 and 6 (algorithms 2.A and 2.B, SHA-2 and AES). Only checks a password: nothing is decrypted.
/// </summary>
internal static class StandardSecurity
{
    /// <summary>The padding string of algorithm 2, step a.</summary>
    public static ReadOnlySpan<byte> Padding =>
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    /// <summary>Whether a reader that tries the empty password (as PdfPig does, as user and as owner password) opens the file.</summary>
    public static PasswordCheck EmptyPasswordOpens(EncryptionDictionary encryption) => Check(encryption, []);

    /// <summary>Whether <paramref name="password"/> (Latin-1 bytes up to revision 4, UTF-8 from 5) is the user or the owner password.</summary>
    public static PasswordCheck Check(EncryptionDictionary encryption, byte[] password)
    {
        if (!CanCheck(encryption)) return PasswordCheck.CannotTell;
        return IsUserPassword(encryption, password) || IsOwnerPassword(encryption, password) ? PasswordCheck.Opens : PasswordCheck.DoesNotOpen;
    }

    private static bool CanCheck(EncryptionDictionary e) => e.Filter == "Standard" && e.R switch
    {
        2 => e.O.Length == 32 && e.U.Length == 32,
        3 or 4 => e.O.Length == 32 && e.U.Length >= 16 && KeyLength(e) is >= 5 and <= 16,
        5 or 6 => e.O.Length >= 48 && e.U.Length >= 48,
        _ => false,
    };

    /// <summary>Algorithms 4 and 5 (revisions 2 to 4), 11 (revisions 5 and 6).</summary>
    internal static bool IsUserPassword(EncryptionDictionary e, byte[] password)
    {
        if (e.R >= 5)
        {
            var validationSalt = e.U.AsSpan(32, 8);
            return Hash(e.R, Truncated(password), validationSalt, []).AsSpan(0, 32).SequenceEqual(e.U.AsSpan(0, 32));
        }
        var key = FileKey(e, password);
        if (e.R == 2) return Rc4.Transform(key, Padding).AsSpan().SequenceEqual(e.U);
        var hash = MD5.HashData([.. Padding, .. e.FirstId]);
        for (var round = 0; round < 20; round++) hash = Rc4.Transform(XorKey(key, round), hash);
        return hash.AsSpan(0, 16).SequenceEqual(e.U.AsSpan(0, 16));
    }

    /// <summary>Algorithms 7 (revisions 2 to 4: recover the user password from /O and check it) and 12 (revisions 5 and 6).</summary>
    internal static bool IsOwnerPassword(EncryptionDictionary e, byte[] password)
    {
        if (e.R >= 5)
        {
            var validationSalt = e.O.AsSpan(32, 8);
            return Hash(e.R, Truncated(password), validationSalt, e.U.AsSpan(0, 48)).AsSpan(0, 32).SequenceEqual(e.O.AsSpan(0, 32));
        }
        var hash = MD5.HashData(Padded(password));
        if (e.R >= 3) for (var round = 0; round < 50; round++) hash = MD5.HashData(hash);
        var key = hash[..KeyLength(e)];
        var userPassword = e.O;
        if (e.R == 2) userPassword = Rc4.Transform(key, userPassword);
        else for (var round = 19; round >= 0; round--) userPassword = Rc4.Transform(XorKey(key, round), userPassword);
        return IsUserPassword(e, userPassword);
    }

    /// <summary>Algorithm 2: the file key of revisions 2 to 4 computed from a user password.</summary>
    private static byte[] FileKey(EncryptionDictionary e, byte[] password)
    {
        var permissions = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(permissions, e.P);
        byte[] metadata = e.R >= 4 && !e.EncryptMetadata ? [0xFF, 0xFF, 0xFF, 0xFF] : [];
        var hash = MD5.HashData([.. Padded(password), .. e.O, .. permissions, .. e.FirstId, .. metadata]);
        var length = KeyLength(e);
        if (e.R >= 3) for (var round = 0; round < 50; round++) hash = MD5.HashData(hash.AsSpan(0, length));
        return hash[..length];
    }

    /// <summary>The file key's length in bytes: 5 for revision 2, else /Length in bits (40 when absent; 128 for a version 4 handler).</summary>
    private static int KeyLength(EncryptionDictionary e) => e.R == 2 ? 5 : e.Length switch
    {
        { } bits when bits % 8 == 0 && bits is >= 40 and <= 128 => bits / 8,
        null when e.V == 4 => 16,
        null => 5,
        _ => 0,
    };

    /// <summary>Algorithm 2.B (revision 6), or plain SHA-256 (revision 5).</summary>
    private static byte[] Hash(int revision, byte[] password, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> userKey)
    {
        var k = SHA256.HashData([.. password, .. salt, .. userKey]);
        if (revision == 5) return k;
        using var aes = Aes.Create();
        byte[] e = [];
        for (var round = 0; round < 64 || e[^1] > round - 32; round++)
        {
            var block = new byte[password.Length + k.Length + userKey.Length];
            password.CopyTo(block, 0);
            k.CopyTo(block, password.Length);
            userKey.CopyTo(block.AsSpan(password.Length + k.Length));
            var k1 = new byte[block.Length * 64];
            for (var copy = 0; copy < 64; copy++) block.CopyTo(k1, copy * block.Length);
            aes.Key = k[..16];
            e = aes.EncryptCbc(k1, k.AsSpan(16, 16), PaddingMode.None);
            // The first 16 bytes of E as a big-endian number, mod 3, equals the sum of those bytes mod 3 (256 ≡ 1 mod 3).
            var sum = 0;
            foreach (var b in e.AsSpan(0, 16)) sum += b;
            k = (sum % 3) switch
            {
                0 => SHA256.HashData(e),
                1 => SHA384.HashData(e),
                _ => SHA512.HashData(e),
            };
        }
        return k[..32];
    }

    private static byte[] Padded(byte[] password) => [.. password.AsSpan(0, Math.Min(32, password.Length)), .. Padding[..(32 - Math.Min(32, password.Length))]];

    private static byte[] Truncated(byte[] password) => password.Length <= 127 ? password : password[..127];

    private static byte[] XorKey(byte[] key, int round)
    {
        var xored = new byte[key.Length];
        for (var i = 0; i < key.Length; i++) xored[i] = (byte)(key[i] ^ round);
        return xored;
    }
}
