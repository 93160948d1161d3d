using NewsCms.Core.Mail;
using Xunit;

namespace NewsCms.Core.Tests.Mail;

public sealed class OutboxRetryDelayTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(9, 256)]
    [InlineData(10, 360)]
    [InlineData(100, 360)]
    public void The_wait_doubles_from_one_minute_and_stops_at_six_hours(int failedAttempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxSender.RetryDelay(failedAttempts));
    }
}
