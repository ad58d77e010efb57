using Microsoft.Net.Http.Headers;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>The API's one entity-tag matcher: weak comparison for If-None-Match, strong for If-Match (RFC 9110 §13.1).</summary>
public sealed class EntityTagsTests
{
    private static readonly EntityTagHeaderValue Current = EntityTags.Of("body"u8);

    [Fact]
    public void A_body_has_a_strong_tag_that_changes_with_it()
    {
        Assert.False(Current.IsWeak);
        Assert.Equal(Current, EntityTags.Of("body"u8));
        Assert.NotEqual(Current, EntityTags.Of("body!"u8));
    }

    [Fact]
    public void If_None_Match_hits_on_the_tag_its_weak_form_a_list_or_a_star()
    {
        Assert.True(EntityTags.IfNoneMatchHits(Current.ToString(), Current));
        Assert.True(EntityTags.IfNoneMatchHits("W/" + Current, Current)); // a proxy may weaken it
        Assert.True(EntityTags.IfNoneMatchHits("\"other\", " + Current, Current));
        Assert.True(EntityTags.IfNoneMatchHits("*", Current));
        Assert.False(EntityTags.IfNoneMatchHits("\"other\"", Current));
        Assert.False(EntityTags.IfNoneMatchHits(default, Current));
        Assert.False(EntityTags.IfNoneMatchHits("not a tag", Current));
    }

    [Fact]
    public void If_Match_allows_no_header_the_exact_strong_tag_or_a_star_and_nothing_else()
    {
        Assert.True(EntityTags.IfMatchAllows(default, Current));
        Assert.True(EntityTags.IfMatchAllows("", Current));
        Assert.True(EntityTags.IfMatchAllows(Current.ToString(), Current));
        Assert.True(EntityTags.IfMatchAllows("*", Current));
        Assert.False(EntityTags.IfMatchAllows("W/" + Current, Current)); // strong comparison: a weak tag never matches
        Assert.False(EntityTags.IfMatchAllows("\"stale\"", Current));
        Assert.False(EntityTags.IfMatchAllows("garbage", Current));
    }
}
