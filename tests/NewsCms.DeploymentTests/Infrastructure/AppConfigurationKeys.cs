using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NewsCms.Core.Media;
using NewsCms.Server.Media;
using NewsCms.Testing;

namespace NewsCms.DeploymentTests.Infrastructure;

/// <summary>
/// Every configuration key the server really reads, gathered from the code itself: each options type's properties under
/// its <c>SectionName</c>, connection string names, and keys the code reads by their literal name. Deployment files
/// (compose, Bicep, Dockerfile) set environment variables; each must name one of these keys, so a misspelt variable,
/// which the app would silently ignore, fails a test instead of a production night.
/// </summary>
public sealed partial class AppConfigurationKeys
{
    /// <summary>Options types bound to a section they do not name themselves (the server binds them beside another).</summary>
    private static readonly (Type Type, string Section)[] BoundElsewhere =
    [
        (typeof(MediaStorageOptions), MediaOptions.SectionName),
    ];

    /// <summary>
    /// Keys fixed by the scale-out decisions of issue 7 and read by code that other parts of that issue add (the Redis
    /// adapter, forwarded headers, the instance name). Once that code is merged, the reflection or the source scan finds
    /// each of them, and <see cref="DecidedKeysAreReadWhereTheirSectionExists"/> makes sure the names still agree.
    /// </summary>
    public static readonly string[] DecidedForScaleOut =
    [
        "ConnectionStrings:Redis",
        "NewsCms:ForwardedHeaders:KnownProxies:#",
        "NewsCms:ForwardedHeaders:KnownNetworks:#",
        "NewsCms:Instance:Name",
    ];

    /// <summary>
    /// Environment variables read by the platform rather than by NewsCms code: the ASP.NET Core host, the OpenTelemetry
    /// SDK and Azure.Identity. Listed one by one so that a typo in one of them fails too.
    /// </summary>
    public static readonly string[] PlatformVariables =
    [
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_URLS",
        "ASPNETCORE_HTTP_PORTS",
        "Urls",
        "OTEL_SERVICE_NAME",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
        "OTEL_RESOURCE_ATTRIBUTES",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "AZURE_CLIENT_ID",
    ];

    private readonly List<string[]> patterns = [];

    private AppConfigurationKeys(IEnumerable<string> keys)
    {
        foreach (var key in keys.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            patterns.Add(key.Split(':'));
        }

        Keys = [.. patterns.Select(p => string.Join(':', p)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The keys as patterns: <c>#</c> stands for an array index, <c>*</c> for any dictionary key.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>What the server reads today, plus the keys decided for the scale-out work.</summary>
    public static AppConfigurationKeys OfTheServer { get; } = new(ReadByTheServer().Concat(DecidedForScaleOut));

    /// <summary>Only what reflection and the source find, without the decided keys: for checking those.</summary>
    public static AppConfigurationKeys FoundInCode { get; } = new(ReadByTheServer());

    /// <summary>
    /// Whether an environment variable names a key the app reads: <c>NewsCms__Media__Store</c> is the key
    /// <c>NewsCms:Media:Store</c>, compared without regard to case as configuration does.
    /// </summary>
    public bool IsRead(string environmentVariable)
    {
        ArgumentNullException.ThrowIfNull(environmentVariable);
        if (PlatformVariables.Contains(environmentVariable, StringComparer.Ordinal))
        {
            return true;
        }

        var segments = environmentVariable.Split("__");
        return patterns.Any(pattern => Matches(pattern, segments));
    }

    public bool Contains(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split(':');
        return patterns.Any(pattern => pattern.Length == segments.Length
            && pattern.Zip(segments).All(pair => string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A decided key whose section now has an options type must be one of that type's keys.</summary>
    public static IEnumerable<string> DecidedKeysAreReadWhereTheirSectionExists()
    {
        foreach (var key in DecidedForScaleOut)
        {
            // NewsCms:ForwardedHeaders:KnownProxies:# belongs to the section NewsCms:ForwardedHeaders.
            var path = key.EndsWith(":#", StringComparison.Ordinal) ? key[..^2] : key;
            var section = path[..path.LastIndexOf(':')];
            if (section == "ConnectionStrings")
            {
                continue;
            }

            var sectionKnown = FoundInCode.Keys.Any(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase));
            if (sectionKnown && !FoundInCode.Contains(key))
            {
                yield return key;
            }
        }
    }

    private static bool Matches(string[] pattern, string[] segments)
    {
        if (pattern.Length > segments.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var ok = pattern[i] switch
            {
                "#" => segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit),
                // A dictionary's entries may themselves be sections: anything below matches.
                "*" => segments[i].Length > 0,
                _ => string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase),
            };
            if (!ok)
            {
                return false;
            }

            if (pattern[i] == "*")
            {
                return true;
            }
        }

        return pattern.Length == segments.Length;
    }

    private static IEnumerable<string> ReadByTheServer()
    {
        foreach (var assembly in NewsCmsAssemblies())
        {
            foreach (var type in LoadableTypes(assembly))
            {
                if (ConstantOf(type, "SectionName") is { } section)
                {
                    foreach (var key in KeysOf(type, section, depth: 0))
                    {
                        yield return key;
                    }
                }

                if (ConstantOf(type, "ConnectionStringName") is { } connectionString)
                {
                    yield return $"ConnectionStrings:{connectionString}";
                }
            }
        }

        foreach (var (type, section) in BoundElsewhere)
        {
            foreach (var key in KeysOf(type, section, depth: 0))
            {
                yield return key;
            }
        }

        foreach (var key in LiteralKeysInSource())
        {
            yield return key;
        }
    }

    /// <summary>The server and every NewsCms assembly it references, as it runs.</summary>
    private static IEnumerable<Assembly> NewsCmsAssemblies()
    {
        var server = typeof(Program).Assembly;
        var seen = new HashSet<string>(StringComparer.Ordinal) { server.GetName().Name! };
        var queue = new Queue<Assembly>([server]);
        while (queue.TryDequeue(out var assembly))
        {
            yield return assembly;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("NewsCms.", StringComparison.Ordinal) && seen.Add(name))
                {
                    queue.Enqueue(Assembly.Load(reference));
                }
            }
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static string? ConstantOf(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field
        && field.GetRawConstantValue() is string value
            ? value
            : null;

    /// <summary>The keys the configuration binder would fill on <paramref name="type"/>, as it binds them.</summary>
    private static IEnumerable<string> KeysOf(Type type, string prefix, int depth)
    {
        if (depth > 6)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var key = $"{prefix}:{name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };

            if (IsLeaf(propertyType))
            {
                // Computed properties (HasUsableSigningKey) are not configuration.
                if (settable)
                {
                    yield return key;
                }
            }
            else if (DictionaryValueType(propertyType) is not null)
            {
                yield return $"{key}:*";
            }
            else if (ElementType(propertyType) is { } element)
            {
                if (IsLeaf(Nullable.GetUnderlyingType(element) ?? element))
                {
                    yield return $"{key}:#";
                }
                else
                {
                    foreach (var inner in KeysOf(element, $"{key}:#", depth + 1))
                    {
                        yield return inner;
                    }
                }
            }
            else if (propertyType.IsClass)
            {
                foreach (var inner in KeysOf(propertyType, key, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType
            && i.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            ? type.GetGenericArguments()[^1]
            : null;

    /// <summary>
    /// Keys read by their literal name rather than through an options type: <c>configuration["NewsCms:DataPath"]</c>
    /// and <c>GetConnectionString("Name")</c> in src/.
    /// </summary>
    private static IEnumerable<string> LiteralKeysInSource()
    {
        var src = Path.Combine(TestEnvironment.RepositoryRoot, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match match in IndexedKey().Matches(text))
            {
                yield return match.Groups["key"].Value;
            }

            foreach (Match match in ConnectionStringName().Matches(text))
            {
                yield return $"ConnectionStrings:{match.Groups["name"].Value}";
            }
        }
    }

    [GeneratedRegex("""\[\s*"(?<key>NewsCms(?::[A-Za-z0-9]+)+)"\s*\]""")]
    private static partial Regex IndexedKey();

    [GeneratedRegex("""GetConnectionString\(\s*"(?<name>[A-Za-z0-9]+)"\s*\)""")]
    private static partial Regex ConnectionStringName();
}
