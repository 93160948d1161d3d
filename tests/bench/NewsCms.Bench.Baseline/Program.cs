// The trivial endpoint tests/bench/run.sh compares NewsCms with: same host defaults as the server
// (WebApplication.CreateBuilder, Production, Kestrel), no GraphQL, no database.
//
//   dotnet NewsCms.Bench.Baseline.dll --urls http://127.0.0.1:PORT
//   POST /baseline?bytes=N  ->  200, application/json, exactly N bytes
//
// The request body is read and thrown away, as the GraphQL endpoint has to read it too.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

var builder = WebApplication.CreateBuilder(args);

// The server's appsettings.json keeps ASP.NET Core's per-request logs off; do the same so both pay the same.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var app = builder.Build();
var payloads = new ConcurrentDictionary<int, byte[]>();

app.MapPost("/baseline", async (HttpContext http) =>
{
    if (!int.TryParse(http.Request.Query["bytes"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > Payload.MaxBytes)
    {
        return Results.BadRequest($"Give ?bytes=N with 0 <= N <= {Payload.MaxBytes}.");
    }

    await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);

    // One array per distinct size, made on first use: the benchmark asks for two or three sizes.
    var body = payloads.Count < 64 ? payloads.GetOrAdd(size, Payload.Create) : Payload.Create(size);
    return Results.Bytes(body, "application/json; charset=utf-8");
});

await app.RunAsync();

internal static class Payload
{
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// <c>{"data":"xxxx…"}</c> padded to exactly <paramref name="size"/> bytes; below the size of the
    /// frame it is that many bytes of filler.
    /// </summary>
    public static byte[] Create(int size)
    {
        const string open = "{\"data\":\"";
        const string close = "\"}";
        if (size < open.Length + close.Length)
        {
            return Encoding.ASCII.GetBytes(new string('x', size));
        }

        var text = new StringBuilder(size)
            .Append(open)
            .Append('x', size - open.Length - close.Length)
            .Append(close)
            .ToString();
        return Encoding.ASCII.GetBytes(text);
    }
}
