using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// PdfPig's filters with limits: no stream may decode to more than <see cref="ExtractionLimits.MaxDecodedStreamBytes"/>
/// (Flate is inflated by us, stopping at the cap, so a 1 GiB bomb costs one cap's worth of memory), and every decode
/// checks the brochure's deadline and cancellation, which is how a parse that never reaches a page boundary still stops.
/// </summary>
internal sealed class CappedFilterProvider : IFilterProvider
{
    private readonly IFilterProvider _inner;
    private readonly ConcurrentDictionary<IFilter, IFilter> _wrapped = new(ReferenceEqualityComparer.Instance);

    public long MaxDecodedBytes { get; }
    public Stopwatch Clock { get; }
    public TimeSpan MaxDuration { get; }
    public CancellationToken CancellationToken { get; }
    /// <summary>Set when a limit tripped, even if PdfPig swallowed the exception somewhere (lenient parsing).</summary>
    public BrochureRejectedException? Tripped { get; private set; }

    public CappedFilterProvider(ExtractionLimits limits, Stopwatch clock, CancellationToken cancellationToken, IFilterProvider? inner = null)
    {
        _inner = inner ?? DefaultFilterProvider.Instance;
        MaxDecodedBytes = limits.MaxDecodedStreamBytes;
        MaxDuration = limits.MaxDuration;
        Clock = clock;
        CancellationToken = cancellationToken;
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters)
    {
        if (filters.Count == 0) return filters;
        var result = new IFilter[filters.Count];
        for (var i = 0; i < filters.Count; i++)
        {
            result[i] = _wrapped.GetOrAdd(filters[i], f => f is FlateFilter flate ? new CappedFlateFilter(flate, this) : new CappedFilter(f, this));
        }
        return result;
    }

    internal void CheckBudget()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Clock.Elapsed > MaxDuration) throw Trip(Rejections.TimedOut(MaxDuration));
    }

    internal BrochureRejectedException Trip(BrochureRejectedException rejection)
    {
        Tripped ??= rejection;
        return rejection;
    }

    /// <summary>Any filter: decoded by PdfPig, then refused when the result is over the cap.</summary>
    private sealed class CappedFilter(IFilter inner, CappedFilterProvider owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            owner.CheckBudget();
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (output.Length > owner.MaxDecodedBytes) throw owner.Trip(Rejections.DecompressionBomb(owner.MaxDecodedBytes));
            return output;
        }
    }

    /// <summary>
    /// Flate inflated here with a running count, stopping the moment the output passes the cap. Streams with a PNG/TIFF
    /// predictor, and damaged streams, are then handed to PdfPig's own filter, which now provably stays under the cap.
    /// </summary>
    private sealed class CappedFlateFilter(FlateFilter inner, CappedFilterProvider owner) : IFilter
    {
        private const int Block = 64 * 1024;

        public bool IsSupported => true;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            owner.CheckBudget();
            if (input.Length < 2) return inner.Decode(input, streamDictionary, filterProvider, filterIndex);

            byte[]? inflated = null;
            try
            {
                inflated = Inflate(input);
            }
            catch (InvalidDataException)
            {
                // Damaged: PdfPig's own salvage logic decides what, if anything, is kept (bounded, see above).
            }

            if (inflated is not null && !HasPredictor(streamDictionary, filterIndex)) return inflated;
            return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }

        private byte[] Inflate(Memory<byte> input)
        {
            // The first two bytes are the zlib header, which DeflateStream does not read (PdfPig skips them too).
            using var compressed = new MemoryStream(input[2..].ToArray(), writable: false);
            using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
            using var output = new MemoryStream(Math.Min(input.Length * 4, 1 << 20));
            var buffer = new byte[Block];
            int read;
            while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > owner.MaxDecodedBytes) throw owner.Trip(Rejections.DecompressionBomb(owner.MaxDecodedBytes));
                output.Write(buffer, 0, read);
                if ((output.Length & ((16 << 20) - 1)) < read) owner.CheckBudget();
            }
            return output.ToArray();
        }

        private static bool HasPredictor(DictionaryToken streamDictionary, int filterIndex)
        {
            try
            {
                var parameters = DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex);
                return parameters.TryGet(NameToken.Predictor, out NumericToken predictor) && predictor.Int > 1;
            }
            catch (Exception e) when (e is not BrochureRejectedException)
            {
                return true; // Odd parameters: let PdfPig judge them.
            }
        }
    }
}
