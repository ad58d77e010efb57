using System.Security.Cryptography;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>The upload is larger than the extraction limit: detected while streaming, before anything is committed.</summary>
public sealed class UploadTooLargeException(long limit) : Exception($"The upload exceeds {limit:N0} bytes.");

/// <summary>
/// An upload as it streams to blob storage: the bytes already read to check the header, then the rest of the request
/// body, hashed (SHA-256) and counted on the way, failing with <see cref="UploadTooLargeException"/> past the limit. Never
/// holds more than the caller's read buffer, so a 50 MB upload costs the storage client's block buffer, not 50 MB.
/// </summary>
public sealed class UploadStream(byte[] prefix, Stream rest, long maxBytes) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _prefixRead;
    private long _length;
    private string? _sha256;

    /// <summary>Bytes read so far (all of them once the stream is at its end).</summary>
    public long BytesRead => _length;

    /// <summary>The SHA-256 of everything read, hex; available once the stream has been read to its end.</summary>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException("The upload has not been read to its end.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_prefixRead < prefix.Length)
        {
            read = Math.Min(buffer.Length, prefix.Length - _prefixRead);
            prefix.AsMemory(_prefixRead, read).CopyTo(buffer);
            _prefixRead += read;
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken);
        }
        if (read == 0)
        {
            _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
            return 0;
        }
        _length += read;
        if (_length > maxBytes) throw new UploadTooLargeException(maxBytes);
        _hash.AppendData(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>
/// How many uploads stream to storage at once (<c>Upload:MaxConcurrent</c>, default 4): one more is answered 503 with
/// Retry-After at once instead of queuing request bodies in memory.
/// </summary>
public sealed class UploadLimiter(int maxConcurrent)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConcurrent), Math.Max(1, maxConcurrent));

    public int MaxConcurrent { get; } = Math.Max(1, maxConcurrent);

    /// <summary>A slot, to dispose when the upload is stored; null when all are taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
