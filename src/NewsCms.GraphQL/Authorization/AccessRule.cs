using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using NewsCms.Core.Staff;

namespace NewsCms.GraphQL.Authorization;

/// <summary>
/// Authorization for the whole document before anything runs: every field, argument and returned type the chosen
/// operation touches, fragments included. Anonymous callers get UNAUTHENTICATED, staff without the permission
/// FORBIDDEN, and nothing executes. It runs on cached documents too, because the caller changes between requests.
/// </summary>
/// <remarks>
/// Fragments are checked wherever they are defined, even when only another operation of the document spreads them:
/// a false refusal there is cheap, a missed check is not.
/// </remarks>
public sealed class AccessRule : ValidationRuleBase
{
    public const string UnauthenticatedCode = "UNAUTHENTICATED";
    public const string ForbiddenCode = "FORBIDDEN";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(StaffClaims.ToActor(context?.User)));

    private sealed class Visitor(StaffActor? actor) : INodeVisitor
    {
        private bool inOtherOperation;
        private bool reported;

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    inOtherOperation = !ReferenceEquals(operation, context.Operation);
                    break;
                case GraphQLField field when !inOtherOperation:
                    CheckField(field, context);
                    break;
                case GraphQLArgument argument when !inOtherOperation && context.TypeInfo.GetArgument() is { } definition:
                    Check(Access.RequirementOf(definition), $"argument '{definition.Name}'", argument, context);
                    break;
            }

            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLOperationDefinition)
            {
                inOtherOperation = false;
            }

            return default;
        }

        private void CheckField(GraphQLField node, ValidationContext context)
        {
            if (context.TypeInfo.GetFieldDef() is not { } field || context.TypeInfo.GetParentType() is not { } parent)
            {
                return;
            }

            if (ReferenceEquals(parent, context.Schema.Mutation) && !Access.IsPublicMutation(field))
            {
                Check(Access.RequirementOf(field) ?? new AccessRequirement(null), $"mutation '{field.Name}'", node, context);
                return;
            }

            Check(Access.RequirementOf(parent), $"type '{parent.Name}'", node, context);
            Check(Access.RequirementOf(field), $"field '{parent.Name}.{field.Name}'", node, context);
            if (field.ResolvedType?.GetNamedType() is { } returned)
            {
                Check(Access.RequirementOf(returned), $"type '{returned.Name}'", node, context);
            }
        }

        private void Check(AccessRequirement? requirement, string what, ASTNode node, ValidationContext context)
        {
            // One error per document says enough; a hundred identical ones would drown the real message.
            if (requirement is null || reported)
            {
                return;
            }

            if (actor is null)
            {
                Report(context, node, UnauthenticatedCode, $"Sign in or send an API token to use {what}.");
            }
            else if (!requirement.IsMetBy(actor))
            {
                Report(context, node, ForbiddenCode, $"Your role does not allow {what} ({requirement.Permission}).");
            }
        }

        private void Report(ValidationContext context, ASTNode node, string code, string message)
        {
            reported = true;
            context.ReportError(new ValidationError(context.Document.Source, code, message, node) { Code = code });
        }
    }
}
