using NewsCms.Core.Common;
using NewsCms.Core.Newsletter;
using NewsCms.Core.Staff;

namespace NewsCms.Server.Newsletter;

/// <summary>
/// The two newsletter addresses that are not GraphQL: the one-click unsubscribe mail clients POST to (RFC 8058), and
/// the CSV export of a list for partnerships staff.
/// </summary>
internal static class NewsletterEndpoints
{
    /// <summary>A one-click POST carries <c>List-Unsubscribe=One-Click</c>; anything much larger is not one.</summary>
    private const long MaxUnsubscribeBodyBytes = 1024;

    public static IEndpointRouteBuilder MapNewsCmsNewsletter(this IEndpointRouteBuilder endpoints)
    {
        // No cookie, no token, no antiforgery: the mail client posts on the reader's behalf, and the signed token is
        // the whole authority. GET is not mapped: link scanners follow links, and must not unsubscribe anyone.
        endpoints.MapPost(NewsletterHeaders.UnsubscribePath, UnsubscribeAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        endpoints.MapGet("/exports/newsletter/{list}.csv", ExportAsync)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext http, NewsletterSubscriptions subscriptions)
    {
        if (http.Request.ContentLength > MaxUnsubscribeBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            await subscriptions.UnsubscribeAsync(http.Request.Query["token"].ToString(), http.RequestAborted);
        }
        catch (NewsCmsException e) when (e.Code == ErrorCode.Validation)
        {
            return Results.Text(e.Message + "\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Text("You are unsubscribed.\n", "text/plain");
    }

    private static async Task ExportAsync(string list, HttpContext http, NewsletterSubscriptions subscriptions)
    {
        var response = http.Response;
        if (StaffClaims.ToActor(http.User) is not { } actor)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        NewsletterExport export;
        try
        {
            export = await subscriptions.ExportAsync(actor, list, http.RequestAborted);
        }
        catch (NewsCmsException e) when (e.Code is ErrorCode.Forbidden or ErrorCode.NotFound)
        {
            response.StatusCode = e.Code == ErrorCode.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = "text/csv; charset=utf-8; header=present";
        response.Headers.ContentDisposition = $"attachment; filename=\"newsletter-{export.ListSlug}.csv\"";
        // Personal data: no cache between here and the member of staff may keep a copy.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        await using var writer = new StreamWriter(response.Body, NewsletterCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(NewsletterCsv.Header);
        await foreach (var row in export.Rows.WithCancellation(http.RequestAborted))
        {
            await writer.WriteLineAsync(NewsletterCsv.Row(row));
        }

        await writer.FlushAsync(http.RequestAborted);
    }
}
