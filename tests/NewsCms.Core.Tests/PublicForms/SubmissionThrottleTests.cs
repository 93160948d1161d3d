using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Common;
using NewsCms.Core.PublicForms;
using Xunit;

namespace NewsCms.Core.Tests.PublicForms;

public sealed class SubmissionThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_submission_over_the_limit_is_refused_with_the_seconds_until_the_window_ends()
    {
        var throttle = new SubmissionThrottle(new InProcessSubmissionCounter(clock));
        await throttle.CountAsync("apply:address:203.0.113.7", 2, TimeSpan.FromHours(1), Cancel);
        clock.Advance(TimeSpan.FromMinutes(20));
        await throttle.CountAsync("apply:address:203.0.113.7", 2, TimeSpan.FromHours(1), Cancel);

        var refused = await Assert.ThrowsAsync<NewsCmsException>(() => throttle.CountAsync("apply:address:203.0.113.7", 2, TimeSpan.FromHours(1), Cancel));

        Assert.Equal(ErrorCode.RateLimited, refused.Code);
        Assert.Equal(40 * 60, refused.Details["retryAfterSeconds"]);
    }

    [Fact]
    public async Task Keys_are_counted_apart_and_a_new_window_starts_afresh()
    {
        var throttle = new SubmissionThrottle(new InProcessSubmissionCounter(clock));
        await throttle.CountAsync("subscribe:email:jo@example.com", 1, TimeSpan.FromMinutes(10), Cancel);
        await throttle.CountAsync("subscribe:email:al@example.com", 1, TimeSpan.FromMinutes(10), Cancel);
        await Assert.ThrowsAsync<NewsCmsException>(() => throttle.CountAsync("subscribe:email:jo@example.com", 1, TimeSpan.FromMinutes(10), Cancel));

        clock.Advance(TimeSpan.FromMinutes(10));

        await throttle.CountAsync("subscribe:email:jo@example.com", 1, TimeSpan.FromMinutes(10), Cancel);
    }

    [Fact]
    public async Task The_throttle_counts_wherever_the_counter_keeps_its_counts()
    {
        var shared = new InProcessSubmissionCounter(clock);
        var first = new SubmissionThrottle(shared);
        var second = new SubmissionThrottle(shared);

        await first.CountAsync("apply:address:198.51.100.4", 1, TimeSpan.FromMinutes(5), Cancel);
        var refused = await Assert.ThrowsAsync<NewsCmsException>(() => second.CountAsync("apply:address:198.51.100.4", 1, TimeSpan.FromMinutes(5), Cancel));

        Assert.Equal(5 * 60, refused.Details["retryAfterSeconds"]);
    }
}
