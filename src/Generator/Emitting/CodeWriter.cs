using System;
using System.Text;

namespace Lifeline.Generator.Emitting;

/// <summary>An indenting text builder with '\n' line endings, so output is the same on every OS.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes an opening line and a brace; dispose the result to close it.</summary>
    public Block Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return new Block(this, closeBrace: true);
    }

    /// <summary>Opens a bare block, so that locals of sibling statements cannot clash; dispose to close it.</summary>
    public Block Scope()
    {
        Line("{");
        _indent++;
        return new Block(this, closeBrace: true);
    }

    /// <summary>
    /// Opens a block-scoped namespace (C# 9 has no file-scoped ones), or nothing for the global namespace; dispose the
    /// result to close it.
    /// </summary>
    public Block Namespace(string? name) => name is null ? new Block(null, closeBrace: false) : Open($"namespace {name}");

    /// <summary>Indents without braces (case bodies); dispose the result to outdent.</summary>
    public Block Indent()
    {
        _indent++;
        return new Block(this, closeBrace: false);
    }

    public override string ToString() => _text.ToString();

    internal readonly struct Block(CodeWriter? writer, bool closeBrace) : IDisposable
    {
        public void Dispose()
        {
            if (writer is null)
            {
                return;
            }

            writer._indent--;
            if (closeBrace)
            {
                writer.Line("}");
            }
        }
    }
}
