using SstcFunctions.Core.Pdf;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Pdf;

/// <summary>The worker's answers as the sandbox reads them: streamed from bytes, one per line, whatever the chunking.</summary>
public sealed class WorkerAnswerReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task Answers_written_by_the_worker_are_read_back_in_order_however_the_pipe_splits_them(int chunk)
    {
        var result = new BrochureExtractor().Extract(File.OpenRead(SharedFixtures.SeedBrochurePdf), "seed");
        // A newline inside a value must not end the line: JSON escapes it.
        var edited = result with { Projects = [result.Projects[0] with { Description = "two\nlines" }, .. result.Projects.Skip(1)] };
        var output = new MemoryStream();
        WorkerProtocol.Write(output, WorkerAnswer.ReadyLine);
        WorkerProtocol.Write(output, new WorkerAnswer { Result = edited });
        WorkerProtocol.Write(output, new WorkerAnswer { Failure = Rejections.OutOfMemory(512L << 20).Failure });

        var reader = new WorkerAnswerReader(new ChunkedStream(output.ToArray(), chunk));

        Assert.True((await reader.ReadAsync()).Answer!.Ready);
        var read = (await reader.ReadAsync()).Answer!.Result!;
        Assert.Equal(result.Projects.Count, read.Projects.Count);
        Assert.Equal("two\nlines", read.Projects[0].Description);
        Assert.Equal(result.Projects.Select(p => p.Title), read.Projects.Select(p => p.Title));
        Assert.Equal(RejectionCode.OutOfMemory, (await reader.ReadAsync()).Answer!.Failure!.Code);
        Assert.True((await reader.ReadAsync()).IsEnded);
    }

    [Fact]
    public async Task A_line_that_is_not_an_answer_is_quoted_and_the_next_line_is_still_read()
    {
        var ready = new MemoryStream();
        WorkerProtocol.Write(ready, WorkerAnswer.ReadyLine);
        var readyLine = System.Text.Encoding.UTF8.GetString(ready.ToArray());
        var otherVersion = readyLine.Replace($"\"version\":{WorkerProtocol.Version}", "\"version\":99", StringComparison.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes("not json\n\n" + otherVersion + readyLine);

        var reader = new WorkerAnswerReader(new ChunkedStream(bytes, 3));

        Assert.Equal("not json", (await reader.ReadAsync()).Unreadable);
        var refused = await reader.ReadAsync();
        Assert.Null(refused.Answer);
        Assert.Contains("\"version\":99", refused.Unreadable);
        Assert.True((await reader.ReadAsync()).Answer!.Ready);
        Assert.True((await reader.ReadAsync()).IsEnded);
    }

    [Fact]
    public async Task An_answer_cut_off_by_a_dying_worker_is_unreadable_and_no_output_at_all_is_the_end()
    {
        var cut = new WorkerAnswerReader(new ChunkedStream("{\"version\":1,\"result\":{\"brochure\":"u8.ToArray(), 5));
        var nothing = new WorkerAnswerReader(new ChunkedStream([], 5));

        var read = await cut.ReadAsync();

        Assert.False(read.IsEnded);
        Assert.Null(read.Answer);
        Assert.StartsWith("{\"version\":1", read.Unreadable);
        Assert.True((await nothing.ReadAsync()).IsEnded);
    }

    /// <summary>A pipe that hands out at most <c>chunk</c> bytes per read.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
