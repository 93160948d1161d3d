using System.Text;
using AngleSharp.Dom;

namespace NewsCms.Core.Content;

/// <summary>
/// The words a reader sees in a rendered body, for search, excerpts and counting: no markup, no
/// entities, one line per list item or table row, and a blank line between blocks.
/// </summary>
internal static class PlainText
{
    private enum Break
    {
        None,
        Line,
        Paragraph,
    }

    public static string Of(INode root)
    {
        var writer = new Writer();
        WriteChildren(root, writer, insidePreformatted: false);
        return writer.ToString();
    }

    /// <summary>Counts whitespace-separated tokens that hold a letter or a digit, so dashes and bullets are no words.</summary>
    public static int CountWords(string text)
    {
        var words = 0;
        var tokenHasLetterOrDigit = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (tokenHasLetterOrDigit)
                {
                    words++;
                }

                tokenHasLetterOrDigit = false;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                tokenHasLetterOrDigit = true;
            }
        }

        return tokenHasLetterOrDigit ? words + 1 : words;
    }

    /// <summary>Joins the whitespace runs of inline text into single spaces.</summary>
    public static string Collapse(string text)
    {
        var writer = new Writer();
        writer.Append(text);
        return writer.ToString();
    }

    private static void WriteChildren(INode parent, Writer writer, bool insidePreformatted)
    {
        foreach (var child in parent.ChildNodes)
        {
            switch (child)
            {
                case IText text when insidePreformatted:
                    WritePreformatted(text.Data, writer);
                    break;
                case IText text:
                    writer.Append(text.Data);
                    break;
                case IElement element:
                    WriteElement(element, writer, insidePreformatted);
                    break;
            }
        }
    }

    private static void WriteElement(IElement element, Writer writer, bool insidePreformatted)
    {
        var around = BreakAround(element);
        writer.Request(around);

        switch (element.LocalName)
        {
            case "br":
                writer.Request(Break.Line);
                break;
            case "td" or "th":
                writer.RequestSpace();
                WriteChildren(element, writer, insidePreformatted);
                writer.RequestSpace();
                break;
            default:
                WriteChildren(element, writer, insidePreformatted || element.LocalName == "pre");
                break;
        }

        writer.Request(around);
    }

    private static Break BreakAround(IElement element) => element.LocalName switch
    {
        "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "table" or "hr" => Break.Paragraph,

        // A list inside a list item continues that item's list rather than starting a new block.
        "ul" or "ol" => element.ParentElement?.LocalName == "li" ? Break.Line : Break.Paragraph,
        "li" or "tr" => Break.Line,
        _ => Break.None,
    };

    /// <summary>Code keeps its lines, since a listing run together on one line no longer reads as code.</summary>
    private static void WritePreformatted(string text, Writer writer)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                writer.Request(Break.Line);
            }

            writer.Append(lines[i]);
        }
    }

    /// <summary>
    /// Writes text with whitespace normalized: breaks and spaces are only requested, and written once
    /// the next visible character arrives, so none lead, trail or pile up.
    /// </summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private Break _pendingBreak;
        private bool _pendingSpace;

        public void Request(Break requested)
        {
            if (requested > _pendingBreak)
            {
                _pendingBreak = requested;
            }
        }

        public void RequestSpace() => _pendingSpace = true;

        public void Append(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }

                if (_text.Length > 0)
                {
                    switch (_pendingBreak)
                    {
                        case Break.Paragraph:
                            _text.Append("\n\n");
                            break;
                        case Break.Line:
                            _text.Append('\n');
                            break;
                        case Break.None when _pendingSpace:
                            _text.Append(' ');
                            break;
                    }
                }

                _pendingBreak = Break.None;
                _pendingSpace = false;
                _text.Append(c);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
