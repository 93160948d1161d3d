using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Http;

namespace NewsCms.Api.Tests.Authorization;

/// <summary>
/// One document that reaches a guarded schema element by the shortest public path, with arguments that pass every
/// other validation rule, so that the authorization rule is the only thing that can refuse it.
/// </summary>
public sealed record AccessProbe(string Element, string Document, IReadOnlyList<AccessRequirement> Requirements, bool IsMutation)
{
    public override string ToString() => Element;
}

/// <summary>
/// Walks the schema from both roots: every mutation, and every field, argument or type that demands a caller, is
/// turned into a probe. Public fields are walked through; a guarded one ends its path, since anything below it is
/// unreachable without passing it.
/// </summary>
public static class AccessProbes
{
    private const int MaxDepth = 6;

    public static IReadOnlyList<AccessProbe> Of(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var probes = new List<AccessProbe>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Query.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            Walk(schema, schema.Query, field, "query { ", " }", 0, visited, probes, isMutation: false);
        }

        foreach (var field in schema.Mutation?.Fields ?? [])
        {
            var requirements = new List<AccessRequirement>();
            if (!Access.IsPublicMutation(field))
            {
                requirements.Add(Access.RequirementOf(field) ?? new AccessRequirement(null));
            }

            requirements.AddRange(RequirementsOfReturnedType(field));
            var open = $"mutation{UploadVariable(field)} {{ ";
            if (requirements.Count > 0)
            {
                probes.Add(new AccessProbe($"Mutation.{field.Name}", $"{open}{Select(field, null)} }}", requirements, IsMutation: true));
            }

            ProbeGuardedArguments(schema.Mutation!, field, open, " }", probes, isMutation: true);
        }

        return probes;
    }

    private static void Walk(ISchema schema, IComplexGraphType parent, FieldType field, string open, string close, int depth, HashSet<string> visited, List<AccessProbe> probes, bool isMutation)
    {
        if (!visited.Add($"{parent.Name}.{field.Name}"))
        {
            return;
        }

        var requirements = new List<AccessRequirement>();
        AddIfAny(requirements, Access.RequirementOf(parent));
        AddIfAny(requirements, Access.RequirementOf(field));
        requirements.AddRange(RequirementsOfReturnedType(field));
        if (requirements.Count > 0)
        {
            probes.Add(new AccessProbe($"{parent.Name}.{field.Name}", open + Select(field, null) + close, requirements, isMutation));
            return;
        }

        ProbeGuardedArguments(parent, field, open, close, probes, isMutation);
        if (depth >= MaxDepth || field.ResolvedType?.GetNamedType() is not IComplexGraphType returned)
        {
            return;
        }

        var inner = $"{open}{field.Name}{Arguments(field, null)} {{ __typename ";
        foreach (var possible in PossibleTypes(schema, returned))
        {
            var (fragmentOpen, fragmentClose) = ReferenceEquals(possible, returned) ? ("", "") : ($"... on {possible.Name} {{ ", " } ");
            foreach (var child in possible.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                Walk(schema, possible, child, inner + fragmentOpen, fragmentClose + "}" + close, depth + 1, visited, probes, isMutation);
            }
        }
    }

    private static void ProbeGuardedArguments(IComplexGraphType parent, FieldType field, string open, string close, List<AccessProbe> probes, bool isMutation)
    {
        foreach (var argument in field.Arguments ?? [])
        {
            if (Access.RequirementOf(argument) is { } requirement)
            {
                probes.Add(new AccessProbe($"{parent.Name}.{field.Name}({argument.Name})", open + Select(field, argument) + close, [requirement], isMutation));
            }
        }
    }

    private static IEnumerable<AccessRequirement> RequirementsOfReturnedType(FieldType field) =>
        field.ResolvedType?.GetNamedType() is { } returned && Access.RequirementOf(returned) is { } requirement ? [requirement] : [];

    private static void AddIfAny(List<AccessRequirement> requirements, AccessRequirement? requirement)
    {
        if (requirement is not null)
        {
            requirements.Add(requirement);
        }
    }

    private static IEnumerable<IComplexGraphType> PossibleTypes(ISchema schema, IComplexGraphType type) => type switch
    {
        IInterfaceGraphType or UnionGraphType => schema.AllTypes.OfType<IObjectGraphType>()
            .Where(o => type is UnionGraphType union ? union.PossibleTypes.Contains(o) : o.ResolvedInterfaces.Contains((IInterfaceGraphType)type)),
        _ => [type],
    };

    /// <summary>The field with its required arguments (and <paramref name="extra"/>), and a minimal selection.</summary>
    private static string Select(FieldType field, QueryArgument? extra)
    {
        var selection = field.ResolvedType?.GetNamedType() is IComplexGraphType or UnionGraphType ? " { __typename }" : "";
        return field.Name + Arguments(field, extra) + selection;
    }

    private static string Arguments(FieldType field, QueryArgument? extra)
    {
        var chosen = (field.Arguments ?? []).Where(a => (a.ResolvedType is NonNullGraphType && a.DefaultValue is null) || ReferenceEquals(a, extra)).ToList();
        return chosen.Count == 0 ? "" : "(" + string.Join(", ", chosen.Select(a => $"{a.Name}: {Literal(a.ResolvedType!)}")) + ")";
    }

    /// <summary>
    /// A file cannot be written as a literal (the Upload scalar refuses one as invalid), so a field that takes one is
    /// probed with a variable; the rule refuses the document before variables are read.
    /// </summary>
    private static string UploadVariable(FieldType field) =>
        (field.Arguments ?? []).Any(a => a.ResolvedType?.GetNamedType() is UploadGraphType) ? $"(${UploadVariableName}: Upload!)" : "";

    private const string UploadVariableName = "upload";

    private static string Literal(IGraphType type) => type switch
    {
        UploadGraphType => "$" + UploadVariableName,
        NonNullGraphType nonNull => Literal(nonNull.ResolvedType!),
        ListGraphType list => $"[{Literal(list.ResolvedType!)}]",
        IdGraphType => "\"QXJ0aWNsZTox\"",
        IntGraphType => "1",
        FloatGraphType => "1.5",
        BooleanGraphType => "true",
        DateTimeGraphType or DateTimeOffsetGraphType => "\"2030-01-01T00:00:00Z\"",
        DateGraphType => "\"2030-01-01\"",
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        IInputObjectGraphType input => InputLiteral(input),
        _ => "\"probe\"",
    };

    private static string InputLiteral(IInputObjectGraphType input)
    {
        var fields = input.Fields.Where(f => f.ResolvedType is NonNullGraphType && f.DefaultValue is null)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}: {Literal(f.ResolvedType!)}"));
        return new StringBuilder("{ ").AppendJoin(", ", fields).Append(" }").ToString();
    }
}
