using System.Diagnostics;
using System.Text;
using SstcFunctions.Core.Pdf;
using SstcFunctions.TestSupport;
using Xunit.Abstractions;

namespace SstcFunctions.Core.Tests.Pdf;

/// <summary>
/// Randomly corrupted copies of the seed brochure (bit flips, overwritten runs, truncations, spliced and
/// deleted ranges, streams swapped) run in-process through the whole extractor: each must end in success or a clean
/// <see cref="BrochureRejectedException"/> within the time bound. Reproducible: the seed is printed and can be set
/// with SSTC_FUZZ_SEED; failing inputs are saved to the temp directory. SSTC_FUZZ_CASES sets the count: a small default
/// keeps every CI run quick, scripts/fuzz.sh runs thousands (nightly style) with a fresh seed.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_126;
    private const int DefaultCases = 40;
    private static readonly TimeSpan PerCaseBound = TimeSpan.FromSeconds(15);

    [Fact]
    public void Corrupted_copies_of_the_seed_end_in_success_or_a_clean_rejection()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SSTC_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("SSTC_FUZZ_CASES"), out var c) ? c : DefaultCases;
        output.WriteLine($"mutation fuzz: seed {seed}, {count} cases (set SSTC_FUZZ_SEED / SSTC_FUZZ_CASES to change)");
        var original = File.ReadAllBytes(SharedFixtures.SeedBrochurePdf);
        var random = new Random(seed);
        var cases = Enumerable.Range(0, count).Select(i => Mutate(original, random)).ToList();

        var limits = ExtractionLimits.Default with { MaxDuration = PerCaseBound };
        var succeeded = 0;
        var reasons = new Dictionary<string, int>();
        var unclean = new List<string>();
        var current = -1;
        var caseStarted = Stopwatch.GetTimestamp();
        var total = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;

        // A big stack: deep but legitimate recursion in a mutated file should not be what decides this test.
        var worker = new Thread(() =>
        {
            for (var i = 0; i < cases.Count; i++)
            {
                Volatile.Write(ref caseStarted, Stopwatch.GetTimestamp());
                Volatile.Write(ref current, i);
                var (kind, bytes) = cases[i];
                try
                {
                    var result = new BrochureExtractor(limits).Extract(new MemoryStream(bytes), "fuzz");
                    Assert.NotNull(result.Brochure);
                    succeeded++;
                }
                catch (BrochureRejectedException rejected)
                {
                    var key = rejected.Failure.CodeName; // counted by the typed code, never by the sentence
                    reasons[key] = reasons.GetValueOrDefault(key) + 1;
                }
                catch (Exception e)
                {
                    unclean.Add($"case {i} ({kind}): {e.GetType().Name}: {e.Message} → saved as {Save(seed, i, bytes)}");
                }
                var elapsed = Stopwatch.GetElapsedTime(Volatile.Read(ref caseStarted));
                if (elapsed > slowest) slowest = elapsed;
                if (elapsed > PerCaseBound) unclean.Add($"case {i} ({kind}) took {elapsed} → saved as {Save(seed, i, bytes)}");
            }
            Volatile.Write(ref current, cases.Count);
        }, maxStackSize: 64 * 1024 * 1024) { IsBackground = true, Name = "mutation fuzz" };
        worker.Start();

        while (!worker.Join(100))
        {
            var running = Volatile.Read(ref current);
            var elapsed = Stopwatch.GetElapsedTime(Volatile.Read(ref caseStarted));
            if (running >= 0 && running < cases.Count && elapsed > PerCaseBound + TimeSpan.FromSeconds(5))
            {
                var (kind, bytes) = cases[running];
                Assert.Fail($"case {running} ({kind}) still running after {elapsed} (hang) → saved as {Save(seed, running, bytes)}");
            }
        }

        output.WriteLine($"{cases.Count} cases in {total.Elapsed.TotalSeconds:0.0} s (slowest {slowest.TotalMilliseconds:0} ms): " +
                         $"{succeeded} succeeded, {reasons.Values.Sum()} rejected cleanly, {unclean.Count} unclean");
        foreach (var (reason, n) in reasons.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"  {n,4} × {reason}");
        }
        Assert.True(unclean.Count == 0, string.Join("\n", unclean));
        Assert.Equal(cases.Count, succeeded + reasons.Values.Sum());
    }

    private static (string Kind, byte[] Bytes) Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(7))
        {
            case 0:
            {
                var flips = random.Next(1, 33);
                for (var i = 0; i < flips; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return ($"{flips} bit flips", bytes);
            }
            case 1:
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(random.Next(1, 257), bytes.Length - at);
                random.NextBytes(bytes.AsSpan(at, length));
                return ($"{length} random bytes at {at}", bytes);
            }
            case 2:
            {
                var at = random.Next(1, bytes.Length);
                var cut = bytes[..at];
                // Half the truncations keep an end marker, so the parser itself meets the missing objects.
                return random.Next(2) == 0 ? ($"truncated at {at}", cut) : ($"truncated at {at} + %%EOF", [.. cut, .. "\n%%EOF\n"u8]);
            }
            case 3:
            {
                var length = random.Next(16, 4097);
                var from = random.Next(bytes.Length - length);
                var to = random.Next(bytes.Length - length);
                Array.Copy(original, from, bytes, to, length);
                return ($"{length} bytes from {from} spliced over {to}", bytes);
            }
            case 4:
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(random.Next(1, 2049), bytes.Length - at);
                return ($"{length} bytes deleted at {at}", [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + length)]);
            }
            case 5:
            {
                var at = random.Next(bytes.Length);
                var length = random.Next(1, 2049);
                var from = random.Next(bytes.Length - length);
                return ($"{length} bytes from {from} inserted at {at}", [.. bytes.AsSpan(0, at), .. original.AsSpan(from, length), .. bytes.AsSpan(at)]);
            }
            default:
            {
                // Swap the data of two streams (same offsets, so the xref stays valid; the content does not).
                var streams = StreamRanges(original);
                if (streams.Count < 2) goto case 0;
                var a = streams[random.Next(streams.Count)];
                var b = streams[random.Next(streams.Count)];
                var length = Math.Min(a.Length, b.Length);
                Array.Copy(original, b.Start, bytes, a.Start, length);
                return ($"stream at {b.Start} spliced into stream at {a.Start} ({length} bytes)", bytes);
            }
        }
    }

    private static List<(int Start, int Length)> StreamRanges(byte[] pdf)
    {
        var ranges = new List<(int, int)>();
        var span = pdf.AsSpan();
        for (var at = 0; ;)
        {
            var start = span[at..].IndexOf("stream\n"u8);
            if (start < 0) break;
            start += at + 7;
            var end = span[start..].IndexOf("endstream"u8);
            if (end < 0) break;
            ranges.Add((start, end));
            at = start + end + 9;
        }
        return ranges;
    }

    private static string Save(int seed, int index, byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sstc-fuzz-{seed}-{index}.pdf");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
