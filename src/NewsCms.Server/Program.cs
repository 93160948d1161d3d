using NewsCms.Server;
using NewsCms.Server.Commands;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsCmsServer();
if (ServerCommands.IsCommand(args))
{
    ServerCommands.ConfigureHost(builder);
}

var app = builder.Build();
app.UseNewsCmsServer();

if (ServerCommands.IsCommand(args))
{
    return await ServerCommands.RunAsync(app, args);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
