using System.Text.Json;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// Reads a worker's answers (<see cref="WorkerProtocol"/>: one JSON object per line) from its standard output as
/// UTF-8 bytes, each deserialized while it streams in. An answer for a 2,000-card brochure is a 2-3 MB line: read as a
/// string it was a 5 MB char array, transcoded into a larger byte array rented from the shared pool, which kept such
/// arrays after every ingestion (docs/benchmarks.md, host memory). Here no answer is ever held whole.
/// </summary>
public sealed class WorkerAnswerReader(Stream output)
{
    // What an unreadable answer quotes of itself: enough to recognise it in a log.
    private const int QuotedBytes = 200;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next answer, or <see cref="WorkerAnswerRead.Ended"/> when the output ended before a single byte of it.</summary>
    public async Task<WorkerAnswerRead> ReadAsync(CancellationToken cancellationToken = default)
    {
        var line = new LineStream(this);
        if (!await line.StartAsync(cancellationToken)) return WorkerAnswerRead.Ended;
        WorkerAnswer? answer = null;
        try
        {
            answer = await JsonSerializer.DeserializeAsync<WorkerAnswer>(line, RecordJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            // Not an answer: read to the end of the line, so that the next one starts where it should, and quote it.
        }
        await line.SkipRestAsync(cancellationToken);
        return answer is { Version: WorkerProtocol.Version }
            ? new WorkerAnswerRead(answer, null)
            : new WorkerAnswerRead(null, line.Quote());
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start < _end) return true;
        _start = 0;
        _end = await output.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }

    /// <summary>One line of the output as a stream that ends at its newline (consumed, not returned).</summary>
    private sealed class LineStream(WorkerAnswerReader reader) : Stream
    {
        private readonly MemoryStream _quote = new();
        private bool _ended;

        /// <summary>Waits for the line's first byte; false when the output has ended. Blank lines are skipped.</summary>
        public async Task<bool> StartAsync(CancellationToken cancellationToken)
        {
            while (await reader.FillAsync(cancellationToken))
            {
                if (reader._buffer[reader._start] != (byte)'\n') return true;
                reader._start++;
            }
            return false;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
        {
            if (_ended || destination.Length == 0 || !await reader.FillAsync(cancellationToken))
            {
                _ended = true;
                return 0;
            }
            var available = reader._buffer.AsSpan(reader._start, reader._end - reader._start);
            var newline = available.IndexOf((byte)'\n');
            var take = Math.Min(newline >= 0 ? newline : available.Length, destination.Length);
            available[..take].CopyTo(destination.Span);
            if (_quote.Length < QuotedBytes) _quote.Write(available[..(int)Math.Min(take, QuotedBytes - _quote.Length)]);
            reader._start += take;
            if (newline == take)
            {
                // The newline itself: the line is over.
                reader._start++;
                _ended = true;
            }
            return take;
        }

        public async Task SkipRestAsync(CancellationToken cancellationToken)
        {
            var sink = new byte[4096];
            while (await ReadAsync(sink, cancellationToken) > 0)
            {
            }
        }

        public string Quote() => System.Text.Encoding.UTF8.GetString(_quote.GetBuffer(), 0, (int)_quote.Length);

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>What <see cref="WorkerAnswerReader.ReadAsync"/> found: an answer, or a line that is not one (quoted), or the end.</summary>
public sealed record WorkerAnswerRead(WorkerAnswer? Answer, string? Unreadable)
{
    public static WorkerAnswerRead Ended { get; } = new(null, null);
    public bool IsEnded => Answer is null && Unreadable is null;
}
