using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Records;

/// <summary>What the linking rule needs to know of a brochure: its biennium and how many cards it printed.</summary>
public sealed record BrochureShape(string? Biennium, int ProjectCount);

/// <summary>
/// Recognises one project printed in several brochures (an edition in another language, a re-upload under another
/// name) from the language-independent facts of its records. Two records of different brochures are printings of
/// one project when they name the same region and either
/// <list type="number">
/// <item><b>the same printing:</b> the same title (case, accents and punctuation aside) and the same countries;</item>
/// <item><b>the same place in an edition of the same shape:</b> brochures of the same biennium with the same number of
/// cards, the same ordinal, countries that mostly agree (at least half of all named in either) and outcomes that do
/// not contradict (one shared id, or none on one side);</item>
/// <item><b>the same facts, unique on both sides:</b> the same countries and the same outcome ids (neither empty), and no
/// other card of either brochure with those facts.</item>
/// </list>
/// Links are transitive, but a project never holds two cards of one brochure: a link that would merge such groups is
/// not made. docs/printings.md explains the rule and its limits.
/// </summary>
public static class ProjectPrintings
{
    // Rule 2's "countries mostly agree": shared / all named in either.
    private const double MinimumCountryOverlap = 0.5;

    /// <summary>
    /// Project id → its project key: the id of the group's first printing in (brochure, ordinal) order, so the key
    /// of a project printed once is its own id.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Link(IReadOnlyList<ProjectRecord> projects, IReadOnlyDictionary<string, BrochureShape> brochures)
    {
        var ordered = projects.OrderBy(p => p.BrochureId, StringComparer.Ordinal).ThenBy(p => p.Ordinal).ToArray();
        var groups = new Groups(ordered);

        // 1. The same printing.
        foreach (var bucket in ordered.Select((p, i) => (Key: (p.Region, Title: FoldedText.Key(p.Title), Countries: CountryKey(p)), Index: i))
                     .Where(x => x.Key.Title.Length > 0)
                     .GroupBy(x => x.Key))
        {
            groups.LinkAll(bucket.Select(x => x.Index));
        }

        // 2. The same place in an edition of the same shape.
        BrochureShape? ShapeOf(ProjectRecord p) => brochures.TryGetValue(p.BrochureId, out var shape) && shape.Biennium is not null ? shape : null;
        foreach (var bucket in ordered.Select((p, i) => (Shape: ShapeOf(p), Project: p, Index: i))
                     .Where(x => x.Shape is not null)
                     .GroupBy(x => (x.Shape, x.Project.Ordinal)))
        {
            var members = bucket.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    if (SamePlaceAgrees(members[a].Project, members[b].Project)) groups.Link(members[a].Index, members[b].Index);
                }
            }
        }

        // 3. The same facts, unique in each brochure.
        var byFacts = ordered.Select((p, i) => (Facts: Facts(p), Project: p, Index: i))
            .Where(x => x.Facts is not null)
            .GroupBy(x => x.Facts!);
        foreach (var bucket in byFacts)
        {
            var unique = bucket.GroupBy(x => x.Project.BrochureId).Where(g => g.Count() == 1).Select(g => g.Single().Index);
            groups.LinkAll(unique);
        }

        return groups.Keys();
    }

    private static bool SamePlaceAgrees(ProjectRecord a, ProjectRecord b)
    {
        if (a.BrochureId == b.BrochureId || a.Region != b.Region) return false;
        var countriesA = a.Countries.ToHashSet(StringComparer.Ordinal);
        var all = countriesA.Union(b.Countries).Count();
        var shared = countriesA.Intersect(b.Countries).Count();
        if (all > 0 && shared < MinimumCountryOverlap * all) return false;
        var outcomesA = OutcomeIds(a);
        var outcomesB = OutcomeIds(b);
        return outcomesA.Count == 0 || outcomesB.Count == 0 || outcomesA.Overlaps(outcomesB);
    }

    private static string CountryKey(ProjectRecord p) => string.Join(',', p.Countries.Order(StringComparer.Ordinal));

    private static HashSet<string> OutcomeIds(ProjectRecord p)
    {
        var ids = p.Outcomes.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        if (p.Outcome is { } main) ids.Add(main.Id);
        return ids;
    }

    private static string? Facts(ProjectRecord p)
    {
        var outcomes = OutcomeIds(p);
        if (p.Countries.Count == 0 || outcomes.Count == 0) return null;
        return string.Join('|', p.Region, CountryKey(p), string.Join(',', outcomes.Order(StringComparer.Ordinal)));
    }

    /// <summary>Union-find over the ordered projects that keeps each group to one card per brochure.</summary>
    private sealed class Groups
    {
        private readonly ProjectRecord[] _projects;
        private readonly int[] _parent;
        private readonly List<HashSet<string>> _brochures;

        public Groups(ProjectRecord[] projects)
        {
            _projects = projects;
            _parent = Enumerable.Range(0, projects.Length).ToArray();
            _brochures = projects.Select(p => new HashSet<string>(StringComparer.Ordinal) { p.BrochureId }).ToList();
        }

        public void LinkAll(IEnumerable<int> members)
        {
            int? first = null;
            foreach (var member in members)
            {
                if (first is { } f) Link(f, member);
                else first = member;
            }
        }

        public void Link(int a, int b)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra == rb || _brochures[ra].Overlaps(_brochures[rb])) return;
            // The root is the earlier project: it names the group.
            if (rb < ra) (ra, rb) = (rb, ra);
            _parent[rb] = ra;
            _brochures[ra].UnionWith(_brochures[rb]);
        }

        private int Root(int i)
        {
            while (_parent[i] != i) i = _parent[i] = _parent[_parent[i]];
            return i;
        }

        public Dictionary<string, string> Keys()
        {
            var keys = new Dictionary<string, string>(_projects.Length, StringComparer.Ordinal);
            for (var i = 0; i < _projects.Length; i++) keys.TryAdd(_projects[i].Id, _projects[Root(i)].Id);
            return keys;
        }
    }
}
