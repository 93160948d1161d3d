using NewsCms.Core.Content;

namespace NewsCms.Core.Common;

/// <summary>
/// Collects what is wrong with an editor's input, field by field, so that one answer names every mistake. Services
/// check everything before they write, and write nothing while anything is wrong.
/// </summary>
internal sealed class InputErrors
{
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Keeps the first message of a field: it is the one the editor must fix first.</summary>
    public void Add(string field, string message) => errors.TryAdd(field, message);

    /// <returns>The trimmed text; an error when it is blank or longer than <paramref name="maxLength"/>.</returns>
    public string Required(string field, string? value, int maxLength)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(field, $"'{field}' is required.");
        }
        else if (text.Length > maxLength)
        {
            Add(field, $"'{field}' must be at most {maxLength} characters.");
        }

        return text;
    }

    /// <returns>The trimmed text, or null when it is blank; an error when it is longer than <paramref name="maxLength"/>.</returns>
    public string? Optional(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"'{field}' must be at most {maxLength} characters.");
        }

        return text;
    }

    /// <returns>The slug as given, or made from <paramref name="name"/> when none is given.</returns>
    public string Slug(string field, string? slug, string name, string nameField)
    {
        if (slug is not null)
        {
            if (!Slugs.IsValid(slug))
            {
                Add(field, $"'{field}' must be lowercase letters and digits in words joined by single hyphens, at most {Slugs.MaxLength} characters.");
            }

            return slug;
        }

        var derived = Slugs.From(name);
        if (derived.Length == 0 && !Has(nameField))
        {
            Add(field, $"'{nameField}' has no Latin letter or digit to make a slug of; give a '{field}'.");
        }

        return derived;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw NewsCmsException.Invalid(errors);
        }
    }
}
