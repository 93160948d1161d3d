namespace NewsCms.Core.Content;

/// <summary>A heading of an article body, with the anchor its rendered HTML carries.</summary>
public sealed record OutlineEntry(int Level, string Text, string Anchor);
