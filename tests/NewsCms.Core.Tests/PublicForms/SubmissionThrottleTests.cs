using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Common;
using NewsCms.Core.PublicForms;
using Xunit;

namespace NewsCms.Core.Tests.PublicForms;

public sealed class SubmissionThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_submission_over_the_limit_is_refused_with_the_seconds_until_the_window_ends()
    {
        var throttle = new SubmissionThrottle(clock);
        throttle.Count("apply:address:203.0.113.7", 2, TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromMinutes(20));
        throttle.Count("apply:address:203.0.113.7", 2, TimeSpan.FromHours(1));

        var refused = Assert.Throws<NewsCmsException>(() => throttle.Count("apply:address:203.0.113.7", 2, TimeSpan.FromHours(1)));

        Assert.Equal(ErrorCode.RateLimited, refused.Code);
        Assert.Equal(40 * 60, refused.Details["retryAfterSeconds"]);
    }

    [Fact]
    public void Keys_are_counted_apart_and_a_new_window_starts_afresh()
    {
        var throttle = new SubmissionThrottle(clock);
        throttle.Count("subscribe:email:jo@example.com", 1, TimeSpan.FromMinutes(10));
        throttle.Count("subscribe:email:al@example.com", 1, TimeSpan.FromMinutes(10));
        Assert.Throws<NewsCmsException>(() => throttle.Count("subscribe:email:jo@example.com", 1, TimeSpan.FromMinutes(10)));

        clock.Advance(TimeSpan.FromMinutes(10));

        throttle.Count("subscribe:email:jo@example.com", 1, TimeSpan.FromMinutes(10));
    }
}
