using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KnowledgeBase.Tests.Pdf;

/// <summary>
/// Builds small A4 PDFs for parser edge cases: pages of text lines at given positions, letter-spaced headings drawn
/// glyph by glyph, table rows with wide column gaps, and images.
/// </summary>
/// <example><code>var bytes = new TestPdf().Page(p => p.Line("1 Scope", y: 700)).Build();</code></example>
internal sealed class TestPdf
{
    public const double Left = 72;
    public const double Top = 760;
    public const double FontSize = 11;

    private readonly List<Action<TestPage>> _pages = [];

    public TestPdf Page(Action<TestPage> draw)
    {
        _pages.Add(draw);
        return this;
    }

    /// <summary>A page of body lines from the top margin down, one line every 14 points.</summary>
    public TestPdf Page(params string[] lines) => Page(p => p.Lines(Top, lines));

    public byte[] Build()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var draw in _pages)
        {
            draw(new TestPage(builder.AddPage(PageSize.A4), font));
        }
        return builder.Build();
    }

    /// <summary>A valid RGB PNG of one flat colour, small enough to build in memory.</summary>
    public static byte[] SolidPng(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var row = 0; row < height; row++)
        {
            var offset = row * (1 + width * 3);
            raw[offset] = 0; // filter type None
            for (var x = 0; x < width; x++)
            {
                raw[offset + 1 + x * 3] = 200;
                raw[offset + 2 + x * 3] = 40;
                raw[offset + 3 + x * 3] = 40;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
