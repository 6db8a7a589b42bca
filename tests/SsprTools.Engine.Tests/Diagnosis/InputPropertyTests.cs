using SsprTools.Engine.Diagnosis;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>Property tests over generated input: escaping can't be broken out of, parsing never throws.</summary>
public class InputPropertyTests
{
    private const string Alphabet = "abcXYZ019'\"$#%&+/=?@()[] ,;:\\\t\u00e9\u4e2d";

    private static IEnumerable<string> RandomStrings(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            yield return new string(chars);
        }
    }

    [Fact]
    public void A_quoted_literal_is_one_OData_string_that_reads_back_as_the_input()
    {
        foreach (var value in RandomStrings(seed: 17, count: 2000))
        {
            var literal = ODataLiteral.Quote(value);

            Assert.StartsWith("'", literal);
            Assert.EndsWith("'", literal);
            var inner = literal.Substring(1, literal.Length - 2);
            // Inside the literal every quote is doubled, so no quote can end it early.
            Assert.DoesNotContain("'", inner.Replace("''", string.Empty));
            Assert.Equal(value, inner.Replace("''", "'"));
        }
    }

    [Fact]
    public void Parsing_user_input_never_throws_and_accepts_only_ids_and_upns()
    {
        foreach (var value in RandomStrings(seed: 23, count: 5000).Append(null))
        {
            var reference = UserReference.TryParse(value);

            if (reference is null)
            {
                continue;
            }

            Assert.True(
                (reference.Kind == UserReferenceKind.ObjectId && Guid.TryParse(reference.Value, out _))
                || (reference.Kind == UserReferenceKind.UserPrincipalName && reference.Value.Contains('@') && !reference.Value.Any(char.IsWhiteSpace)),
                $"accepted '{value}' as {reference.Kind}");
        }
    }

    [Theory]
    [InlineData("11111111-1111-4111-8111-111111111111", UserReferenceKind.ObjectId)]
    [InlineData("  11111111-1111-4111-8111-111111111111  ", UserReferenceKind.ObjectId)]
    [InlineData("o'neil@contoso.com", UserReferenceKind.UserPrincipalName)]
    [InlineData("first+tag@contoso.com", UserReferenceKind.UserPrincipalName)]
    public void Ids_and_upns_are_recognised(string input, UserReferenceKind kind)
    {
        Assert.Equal(kind, UserReference.TryParse(input)!.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-a-user")]
    [InlineData("@contoso.com")]
    [InlineData("admin@")]
    [InlineData("two words@contoso.com")]
    [InlineData("11111111-1111-4111-8111-11111111111")]
    public void Malformed_input_is_refused(string input)
    {
        Assert.Null(UserReference.TryParse(input));
    }

    [Fact]
    public void An_overlong_upn_is_refused()
    {
        Assert.Null(UserReference.TryParse(new string('a', 120) + "@contoso.com"));
    }

    [Fact]
    public void An_Active_Directory_objectGUID_becomes_the_base64_source_anchor()
    {
        var guid = new Guid("a1b2c3d4-e5f6-4789-9abc-def012345678");

        var reference = UserReference.FromObjectGuid(guid);

        Assert.Equal(UserReferenceKind.OnPremisesImmutableId, reference.Kind);
        Assert.Equal(guid, new Guid(Convert.FromBase64String(reference.Value)));
    }
}
