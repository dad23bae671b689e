using Mahalla.Web.Modules.Appeals.Data;

namespace Mahalla.Tests.Domain;

public sealed class TrackingNumberTests
{
    [Fact]
    public void Every_single_mistyped_digit_is_caught()
    {
        for (var sequence = 1; sequence < 400; sequence += 7)
        {
            var number = TrackingNumbers.Format("M", 2026, sequence);
            Assert.Equal(number, TrackingNumbers.Normalize(number));
            for (var i = 0; i < number.Length; i++)
            {
                if (!char.IsAsciiDigit(number[i]))
                {
                    continue;
                }

                for (var d = '0'; d <= '9'; d++)
                {
                    if (d != number[i])
                    {
                        Assert.Null(TrackingNumbers.Normalize(number[..i] + d + number[(i + 1)..]));
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_swap_of_two_adjacent_different_digits_is_caught()
    {
        var number = TrackingNumbers.Format("M", 2026, 123_457);
        var digits = number.Replace("-", "", StringComparison.Ordinal)[1..];
        for (var i = 0; i + 1 < digits.Length; i++)
        {
            if (digits[i] == digits[i + 1])
            {
                continue;
            }

            var swapped = digits[..i] + digits[i + 1] + digits[i] + digits[(i + 2)..];
            Assert.Null(TrackingNumbers.Normalize("M" + swapped));
        }
    }

    [Theory]
    [InlineData("m 2026 000123")]
    [InlineData("")]
    [InlineData("M-2026-00012A-1")]
    [InlineData("<script>")]
    public void Malformed_numbers_are_rejected(string typed) => Assert.Null(TrackingNumbers.Normalize(typed));

    [Fact]
    public void A_number_read_out_with_spaces_and_in_lowercase_is_understood()
    {
        var number = TrackingNumbers.Format("M", 2026, 42);

        Assert.Equal(number, TrackingNumbers.Normalize(" " + number.ToLowerInvariant().Replace('-', ' ') + " "));
    }

    [Fact]
    public void Access_codes_match_regardless_of_case_and_dashes_and_are_stored_only_as_a_hash()
    {
        var code = AccessCodes.New();
        var hash = AccessCodes.Hash(code);

        Assert.DoesNotContain(code, hash, StringComparison.Ordinal);
        Assert.True(AccessCodes.Matches(code.ToLowerInvariant().Insert(5, "-"), hash));
        Assert.False(AccessCodes.Matches(code[..^1] + (code[^1] == 'A' ? 'B' : 'A'), hash));
    }
}
