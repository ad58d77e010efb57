namespace SstcFunctions.Core.Layout;

/// <summary>Options of <see cref="Gutters"/>, in fractions of the font size (em) unless said otherwise.</summary>
public sealed record GutterOptions
{
    public static GutterOptions Default { get; } = new();

    /// <summary>Narrower gaps are word gaps, whatever surrounds them (unless a rule is drawn in them).</summary>
    public double MinimumGap { get; init; } = 0.75;
    /// <summary>Narrowest strip of white that still counts as the same gutter on the next line.</summary>
    public double MinimumStrip { get; init; } = 0.45;
    /// <summary>Lines with text on both sides that a gutter runs down (this one included).</summary>
    public int RiverLines { get; init; } = 3;
    /// <summary>Lines with text on both sides that make a gutter without any aligned line start.</summary>
    public int LongRiverLines { get; init; } = 6;
    /// <summary>A gap at least this wide needs only one more such line to be a gutter.</summary>
    public double WideGap { get; init; } = 2.0;
    /// <summary>How close to the strip text must be to count as being on its side (a line of a far column is not).</summary>
    public double SideReach { get; init; } = 8.0;
    /// <summary>Words closer than this run together when judging whether a neighbouring line runs across a gap.</summary>
    public double RunGap { get; init; } = 1.0;
    /// <summary>A gap this wide is a gutter on its own unless a neighbouring line runs across it.</summary>
    public double LoneGap { get; init; } = 3.0;
    /// <summary>How far (points) a line's start may be from another's to be aligned with it, and how many rows
    /// above and below are searched.</summary>
    public double AlignmentTolerance { get; init; } = 0.3;
    public int AlignmentRows { get; init; } = 40;
    /// <summary>Lines closer than this (baseline to baseline) are neighbours of a line.</summary>
    public double NeighbourPitch { get; init; } = 1.7;
    /// <summary>Lines further apart than this (baseline to baseline) belong to different stretches of text.</summary>
    public double MaxLinePitch { get; init; } = 3.0;
}

/// <summary>
/// Which gaps between the words of a page are gutters, that is column or cell boundaries. A gap is a gutter when
/// a rule is drawn in it, or when its white runs down several lines (a gutter stays white from line to line; the
/// word gaps of justified text, however wide, move from line to line), or when it is so wide that no neighbouring
/// line runs across it. Never decided from one gap's width alone.
/// </summary>
public sealed class Gutters
{
    private readonly List<Row> _rows;
    private readonly PageGraphics _graphics;
    private readonly GutterOptions _options;

    /// <param name="rows">Rows of word extents, top down; each row's words left to right.</param>
    public Gutters(IReadOnlyList<(double Baseline, double Size, IReadOnlyList<(double Left, double Right)> Words)> rows,
                   PageGraphics? graphics = null, GutterOptions? options = null)
    {
        _rows = rows.Select(r => new Row(r.Baseline, r.Size, r.Words)).ToList();
        _graphics = graphics ?? PageGraphics.None;
        _options = options ?? GutterOptions.Default;
    }

    /// <summary>Whether the gap after word <paramref name="word"/> of row <paramref name="row"/> is a gutter.</summary>
    public bool IsGutter(int row, int word)
    {
        var r = _rows[row];
        var (left, right) = (r.Words[word].Right, r.Words[word + 1].Left);
        var em = r.Size;
        var width = (right - left) / em;
        // No design draws a rule inside a gap narrower than a word space.
        if (width < 0.25) return false;
        if (_graphics.RuleBetween(left, right, r.Baseline - 0.2 * em, r.Baseline + 0.7 * em)) return true;
        if (width < _options.MinimumGap) return false;
        // A column or cell starts its lines at one edge: other lines that start exactly where the right-hand text
        // starts are the strongest sign of a column, even when the gutter is as narrow as a justified word gap.
        var aligned = AlignedStarts(row, word);
        if (aligned >= 2) return true;
        var (lines, crossed) = River(row, left, right);
        // A neighbouring line of the same size running across the gap makes it a word gap of justified text, however
        // many lines further away leave white there (short title or outcome lines above a paragraph do).
        if (crossed || NeighbourSpans(row, left, right)) return false;
        // White that runs down the page is the next sign.
        if (aligned >= 1 && width >= _options.WideGap) return true;
        if (lines >= _options.RiverLines && aligned >= 1) return true;
        // White that runs down many lines is a gutter even where the next column's lines do not start exactly level
        // (italic or indented lines): the rivers of justified text run a few lines at most.
        if (lines >= _options.LongRiverLines) return true;
        return width >= _options.LoneGap;
    }

    /// <summary>How many other lines nearby start (after a gutter-wide gap or at their row's start) where the word after
    /// the gap starts, counted up to two (all that <see cref="IsGutter"/> asks), nearest rows first.</summary>
    /// <remarks>The other line's white must hold this gap's white too: a word of justified text may start at the same x
    /// by chance, but not with the same white before it. A copy of this line (boilerplate set the same way in another
    /// card: the same words either side of the gap, further than a line pitch away) is no second witness.</remarks>
    private int AlignedStarts(int row, int word)
    {
        var count = 0;
        // Outwards from the row: a column's next line is usually the first witness, so the search seldom runs far.
        for (var distance = 1; distance <= _options.AlignmentRows && count < 2; distance++)
        {
            if (row - distance >= 0 && StartsAligned(row, word, row - distance)) count++;
            if (count < 2 && row + distance < _rows.Count && StartsAligned(row, word, row + distance)) count++;
        }
        return count;
    }

    /// <summary>Whether row <paramref name="n"/> has a line start aligned with the word after the gap (see <see cref="AlignedStarts"/>).</summary>
    private bool StartsAligned(int row, int word, int n)
    {
        var origin = _rows[row];
        var (before, after) = (origin.Words[word], origin.Words[word + 1]);
        var (gapLeft, x) = (before.Right, after.Left);
        var other = _rows[n];
        // Words are sorted by their left edge: start at the first that may be aligned with x.
        var k = other.FirstStartingAtOrAfter(x - _options.AlignmentTolerance);
        (double Left, double Right)? previous = k > 0 ? other.Words[k - 1] : null;
        for (; k < other.Words.Count; k++)
        {
            var (l, r) = other.Words[k];
            var previousRight = previous?.Right ?? double.NegativeInfinity;
            if (Math.Abs(l - x) <= _options.AlignmentTolerance && l - previousRight >= _options.MinimumGap * other.Size
                && previousRight <= gapLeft + _options.AlignmentTolerance)
            {
                // A copy far away (another card) is no witness; a copy on the next lines is the column going on.
                var copy = previous is { } p && Same(p, before) && Same((l, r), after);
                return !copy || Math.Abs(other.Baseline - origin.Baseline) <= _options.MaxLinePitch * origin.Size;
            }
            if (l > x + 1) return false;
            previous = (l, r);
        }
        return false;
    }

    private bool Same((double Left, double Right) a, (double Left, double Right) b) =>
        Math.Abs(a.Left - b.Left) <= _options.AlignmentTolerance && Math.Abs(a.Right - b.Right) <= _options.AlignmentTolerance;

    /// <summary>
    /// Follows the white of a gap up and down the page: how many lines with text on both sides keep a strip of it
    /// white (this one included), and whether a close neighbour line runs straight across it. Lines of another
    /// column that merely pass by (text on one side only) neither confirm nor end the gutter.
    /// </summary>
    private (int Lines, bool Crossed) River(int row, double left, double right)
    {
        var lines = 1;
        var crossed = false;
        var origin = _rows[row];
        foreach (var step in new[] { -1, 1 })
        {
            var (l, r) = (left, right);
            var previous = origin;
            for (var n = row + step; n >= 0 && n < _rows.Count; n += step)
            {
                var next = _rows[n];
                var em = Math.Max(previous.Size, next.Size);
                if (Math.Abs(previous.Baseline - next.Baseline) > _options.MaxLinePitch * em) break;
                previous = next;
                var strip = WidestFree(next, l, r);
                if (strip is not { } free || free.Right - free.Left < _options.MinimumStrip * em)
                {
                    if (Math.Abs(next.Baseline - origin.Baseline) <= _options.NeighbourPitch * em
                        && Math.Abs(next.Size - origin.Size) <= 0.15 * origin.Size) crossed = true;
                    break;
                }
                (l, r) = free;
                var reach = _options.SideReach * em;
                if (next.HasTextLeftOf(l, l - reach) && next.HasTextRightOf(r, r + reach)) lines++;
            }
        }
        return (lines, crossed);
    }

    /// <summary>
    /// Whether a neighbouring line of the same size runs straight across the gap: one run of its words, no gap in it
    /// as wide as a lone gutter, spans the gap from end to end. Justified text always has such a neighbour.
    /// </summary>
    private bool NeighbourSpans(int row, double left, double right)
    {
        var origin = _rows[row];
        var slack = 0.1 * origin.Size;
        foreach (var step in new[] { -1, 1 })
        {
            for (var n = row + step; n >= 0 && n < _rows.Count; n += step)
            {
                var next = _rows[n];
                if (Math.Abs(next.Baseline - origin.Baseline) > _options.NeighbourPitch * origin.Size) break;
                if (Math.Abs(next.Size - origin.Size) > 0.15 * origin.Size) continue;
                var runStart = double.NaN;
                var runEnd = double.NaN;
                var runGap = next.RunGap ??= RunGap(next);
                foreach (var (l, r) in next.Words)
                {
                    if (double.IsNaN(runStart) || l - runEnd >= runGap) runStart = l;
                    runEnd = r;
                    if (runStart <= left + slack && runEnd >= right - slack) return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Gaps narrower than this keep a row's words in one run: the run gap, or more on a loosely justified line, whose
    /// word gaps are all alike and may each pass an em (a gutter's gap stands out against the line's own word gaps).
    /// </summary>
    private double RunGap(Row row)
    {
        var gaps = new List<double>(row.Words.Count);
        for (var i = 1; i < row.Words.Count; i++)
        {
            var gap = row.Words[i].Left - row.Words[i - 1].Right;
            if (gap > 0 && gap < _options.LoneGap * row.Size) gaps.Add(gap);
        }
        if (gaps.Count < 3) return _options.RunGap * row.Size;
        gaps.Sort();
        return Math.Max(_options.RunGap * row.Size, LooseLineFactor * gaps[gaps.Count / 2]);
    }

    // How much wider than the line's median word gap a gap may be and still be a word gap of that line.
    private const double LooseLineFactor = 1.6;

    /// <summary>The widest part of (left, right) that no word of the row covers.</summary>
    private static (double Left, double Right)? WidestFree(Row row, double left, double right)
    {
        (double Left, double Right)? best = null;
        var cursor = left;
        for (var k = row.FirstEndingAfter(left); k < row.Words.Count; k++)
        {
            var (wl, wr) = row.Words[k];
            if (wr <= cursor) continue;
            if (wl >= right) break;
            if (wl > cursor && (best is null || wl - cursor > best.Value.Right - best.Value.Left)) best = (cursor, wl);
            cursor = Math.Max(cursor, wr);
            if (cursor >= right) break;
        }
        if (cursor < right && (best is null || right - cursor > best.Value.Right - best.Value.Left)) best = (cursor, right);
        return best;
    }

    private sealed class Row(double baseline, double size, IReadOnlyList<(double Left, double Right)> words)
    {
        public double Baseline { get; } = baseline;
        public double Size { get; } = size;
        /// <summary>Left to right: sorted by <c>Left</c>.</summary>
        public IReadOnlyList<(double Left, double Right)> Words { get; } = words;
        /// <summary>The row's run gap (<see cref="Gutters.RunGap"/>), once computed.</summary>
        public double? RunGap { get; set; }

        // The largest right edge of words 0..i: rises with i, so the first word reaching past x is found by halving.
        private double[]? _reach;

        /// <summary>Index of the first word whose left edge is at or after x (Count when none is).</summary>
        public int FirstStartingAtOrAfter(double x)
        {
            int low = 0, high = Words.Count;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (Words[mid].Left < x) low = mid + 1; else high = mid;
            }
            return low;
        }

        /// <summary>Index of the first word that ends after x, every word before it ending at or before x.</summary>
        public int FirstEndingAfter(double x)
        {
            if (_reach is null)
            {
                _reach = new double[Words.Count];
                var reach = double.NegativeInfinity;
                for (var i = 0; i < Words.Count; i++) _reach[i] = reach = Math.Max(reach, Words[i].Right);
            }
            int low = 0, high = _reach.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (_reach[mid] <= x) low = mid + 1; else high = mid;
            }
            return low;
        }

        /// <summary>A word ends at or before x, and after <paramref name="from"/>.</summary>
        public bool HasTextLeftOf(double x, double from)
        {
            foreach (var (l, r) in Words) if (r <= x + 0.01 && r >= from) return true;
            return false;
        }

        /// <summary>A word starts at or after x, and before <paramref name="to"/>.</summary>
        public bool HasTextRightOf(double x, double to)
        {
            foreach (var (l, r) in Words) if (l >= x - 0.01 && l <= to) return true;
            return false;
        }
    }
}
