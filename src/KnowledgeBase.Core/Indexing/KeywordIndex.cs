using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Chunking;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// The Lucene.Net index on disk, behind a small API. Every change is one atomic commit: a document's record and
/// all its chunks appear, are replaced or disappear together, and a crash leaves the last commit intact.
/// Opened for writing it holds Lucene's write lock; opened for reading it sees the last commit.
/// </summary>
public sealed partial class KeywordIndex : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly System.Threading.Lock _catalogLock = new();
    private IndexCatalog? _catalog;

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer = IndexAnalyzers.Create();
    private readonly Analyzer _queryAnalyzer;
    private readonly IndexWriter? _writer;
    private readonly SearcherManager? _searchers;
    private readonly IndexWriteQueue? _writes;
    private readonly VectorIndex _vectors = new();

    // Set only while ApplyLogged runs on the writer thread: the commit it makes records this index-log sequence.
    private long? _pendingLogSequence;

    // The writer's embedding model as of its last commit, for searches: IndexWriter.CommitData takes the writer's
    // lock, which a commit holds while it writes and syncs its segments file, and every dense or hybrid search asks.
    private volatile string? _committedEmbeddingModel;

    private KeywordIndex(string path, bool writable, bool warmSearchers = false)
    {
        Path = path;
        _queryAnalyzer = new QueryAnalyzer(_analyzer);
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            if (writable)
            {
                var config = new IndexWriterConfig(IndexAnalyzers.Version, _analyzer)
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    Similarity = new BM25Similarity(),
                    Codec = new SmallBlockCodec(),
                };
                _writer = new IndexWriter(_directory, config);
                _committedEmbeddingModel = EmbeddingModelOf(_writer.CommitData);
                // A service searches while it writes: each commit's catalog and vectors are read here, on the writer
                // thread, before its searcher is published, so no search waits for them or reads them once per thread.
                _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: warmSearchers ? new Bm25SearcherFactory(Warm) : Bm25SearcherFactory.Instance);
                _writes = new IndexWriteQueue();
            }
            else if (DirectoryReader.IndexExists(_directory))
            {
                _searchers = OpenSearchers(_directory);
            }
        }
        catch (LockObtainFailedException ex)
        {
            _directory.Dispose();
            throw new IndexUnavailableException($"the index at {path} is being written by another process", ex);
        }
        catch (Exception ex) when (ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException)
        {
            _directory.Dispose();
            throw new IndexUnavailableException($"the index at {path} cannot be read ({ex.Message})", ex);
        }
    }

    public string Path { get; }

    /// <summary>
    /// A reader that starts while a writer's very first commit is being written may see a partial segments file;
    /// the commit takes milliseconds, so it is worth a few short retries before calling the index unreadable.
    /// </summary>
    private static SearcherManager OpenSearchers(LuceneDirectory directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new SearcherManager(directory, searcherFactory: Bm25SearcherFactory.Instance);
            }
            catch (Exception ex) when (attempt < 10 && ex is EndOfStreamException or FileNotFoundException or IndexNotFoundException)
            {
                Thread.Sleep(50 * attempt);
            }
        }
    }

    /// <summary>
    /// Opens for writing. <paramref name="searchedWhileWriting"/> (a service, a replica) prepares each commit's catalog
    /// and vectors before searches see the commit; a one-off writer (`kb ingest`) leaves them to the first search.
    /// </summary>
    public static KeywordIndex OpenForWriting(string path, bool searchedWhileWriting = false) => new(path, writable: true, searchedWhileWriting);

    /// <summary>Opens for search; a folder with no index yet reads as empty.</summary>
    public static KeywordIndex OpenForReading(string path) => new(path, writable: false);

    /// <summary>
    /// Stores a document and its chunks in one commit, replacing everything previously stored from the same source.
    /// </summary>
    public void Replace(DocumentRecord record, ExtractedDocument extracted, IReadOnlyList<Chunk> chunks) => Writes.Run(() =>
    {
        // A document of an index without vectors brings the first model; the rule's own allowance is for an empty index.
        if (record.EmbeddingModel is { } model && model != EmbeddingModel)
        {
            if (EmbeddingModel is not null)
            {
                throw EmbeddingModelMismatchException.Check(Path, EmbeddingModel, model)!;
            }
            RecordEmbeddingModel(model);
        }
        Stage(record, extracted, chunks);
        Commit();
        return true;
    });

    /// <summary>
    /// Replaces many documents in one commit, recording the embedding model of their vectors: a crash half-way
    /// leaves the index exactly as it was, never half in one model and half in another. A document deleted or
    /// replaced since it was read (its id is no longer in the index) is left as it now is: the later change wins.
    /// </summary>
    /// <returns>How many documents were written.</returns>
    public int ReplaceAll(IEnumerable<(DocumentRecord Record, ExtractedDocument Extracted, IReadOnlyList<Chunk> Chunks)> documents, string? embeddingModel) => Writes.Run(() =>
    {
        var current = Catalog;
        var written = 0;
        foreach (var (record, extracted, chunks) in documents)
        {
            if (current.Get(record.Id) is null)
            {
                continue;
            }
            Stage(record with { EmbeddingModel = embeddingModel }, extracted, chunks);
            written++;
        }
        RecordEmbeddingModel(embeddingModel);
        Commit();
        return written;
    });

    private void Stage(DocumentRecord record, ExtractedDocument extracted, IReadOnlyList<Chunk> chunks)
    {
        var block = new List<Document> { LuceneDocuments.ForRecord(record, extracted) };
        block.AddRange(chunks.Select(c => LuceneDocuments.ForChunk(record, c)));
        RequireWriter().UpdateDocuments(new Term(IndexFields.Source, record.Source), block);
    }

    // Part of the commit itself, so the index never holds vectors without saying whose they are. Other keys of the
    // commit data (the cluster's log sequence) are kept.
    private void RecordEmbeddingModel(string? model)
    {
        var data = new Dictionary<string, string>(RequireWriter().CommitData);
        if (model is null)
        {
            data.Remove(IndexFields.EmbeddingModelCommitKey);
        }
        else
        {
            data[IndexFields.EmbeddingModelCommitKey] = model;
        }
        RequireWriter().SetCommitData(data);
    }

    /// <summary>
    /// The sequence of the last cluster index-log operation this index applied, from its last commit; 0 when it
    /// applied none (a single-process index, or a new replica).
    /// </summary>
    public long AppliedLogSequence
    {
        get
        {
            var data = _writer is not null
                ? _writer.CommitData
                : WithSearcher(searcher => searcher.IndexReader is DirectoryReader reader ? reader.IndexCommit.UserData : null, null);
            return data is not null && data.TryGetValue(LogSequenceCommitKey, out var value) && long.TryParse(value, out var sequence) ? sequence : 0;
        }
    }

    /// <summary>
    /// Runs one index-log operation (<paramref name="apply"/> calls <see cref="Replace"/>, <see cref="Delete"/>, …) on
    /// the writer thread and commits it together with its sequence, also when it changed nothing: the commit is the
    /// only record of how far the log was applied, so a crash leaves the index and its position in step.
    /// </summary>
    public void ApplyLogged(long sequence, Action apply) => Writes.Run(() =>
    {
        _pendingLogSequence = sequence;
        try
        {
            apply();
            if (AppliedLogSequence != sequence)
            {
                Commit();
            }
        }
        finally
        {
            _pendingLogSequence = null;
        }
        return true;
    });

    /// <summary>Records the embedding model in a commit of its own (the cluster's set-model entry).</summary>
    internal void RecordModel(string model) => Writes.Run(() =>
    {
        RecordEmbeddingModel(model);
        Commit();
        return true;
    });

    private const string LogSequenceCommitKey = "cluster_log_sequence";

    /// <summary>
    /// Removes a document and its chunks, found as <see cref="GetDocument"/> finds it (an unambiguous prefix deletes
    /// the document it names); false when there is no such document, also for all but the first of several deletes
    /// of one document, as they run one after another.
    /// </summary>
    public bool Delete(string idOrPrefix) => Writes.Run(() =>
    {
        if (Catalog.Find(idOrPrefix) is not { } record)
        {
            return false;
        }
        RequireWriter().DeleteDocuments(new Term(IndexFields.DocumentId, record.Id));
        Commit();
        return true;
    });

    /// <summary>Every document's record, by title.</summary>
    public IReadOnlyList<DocumentRecord> ListDocuments() => Catalog.All;

    /// <summary>Finds a document by id, or by an unambiguous prefix of it; see <see cref="IndexCatalog.Find"/>.</summary>
    public DocumentRecord? GetDocument(string idOrPrefix) => Catalog.Find(idOrPrefix);

    /// <summary>
    /// Every document's record and the edition chains as of the last commit, read once per commit: what listings,
    /// lookups by id and search share, so none of them keeps a copy that a write would have to invalidate.
    /// </summary>
    public IndexCatalog Catalog => WithSearcher(searcher => CatalogOf(searcher.IndexReader), IndexCatalog.Empty);

    public ExtractedDocument? GetExtracted(string documentId)
    {
        var stored = FindDocumentField(documentId)?.Get(IndexFields.Extracted);
        return stored is null ? null : JsonSerializer.Deserialize<ExtractedDocument>(stored, Json);
    }

    /// <summary>Chunks of a document in order, as stored.</summary>
    public int CountChunks(string documentId) => WithSearcher(searcher =>
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.DocumentId, documentId)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.Kind, IndexFields.ChunkKind)), Occur.MUST },
        };
        return searcher.Search(query, 1).TotalHits;
    }, 0);

    /// <summary>
    /// Runs a read (a search, a catalog lookup) against the last commit's searcher and that commit's catalog;
    /// <paramref name="whenEmpty"/> while there is no index yet. Search composes its queries through this.
    /// </summary>
    internal T Read<T>(Func<IndexSearcher, IndexCatalog, T> read, T whenEmpty) =>
        WithSearcher(searcher => read(searcher, CatalogOf(searcher.IndexReader)), whenEmpty);

    /// <summary>Analyses query text as the passages' fields were analysed, with the query-side rules.</summary>
    internal Analyzer QueryAnalyzer => _queryAnalyzer;

    /// <summary>The analyzer the passages were indexed with (snippets and expansion re-analyse stored text).</summary>
    internal Analyzer IndexAnalyzer => _analyzer;

    /// <summary>The passages' vectors, loaded per segment.</summary>
    internal VectorIndex Vectors => _vectors;

    /// <summary>
    /// The embedding model of every vector in the index, from its last commit; null when it holds no vectors.
    /// </summary>
    public string? EmbeddingModel
    {
        get
        {
            if (_writer is not null)
            {
                return _committedEmbeddingModel;
            }
            return WithSearcher(searcher => searcher.IndexReader is DirectoryReader reader
                && reader.IndexCommit.UserData.TryGetValue(IndexFields.EmbeddingModelCommitKey, out var model) ? model : null, null);
        }
    }

    /// <summary>Changes with every commit a search can see: what cached results are checked against.</summary>
    public long Version => WithSearcher(searcher => ((DirectoryReader)searcher.IndexReader).Version, 0L);

    /// <summary>How many live chunks carry a vector.</summary>
    public int CountVectors() => WithSearcher(searcher => searcher.IndexReader.Leaves.Sum(leaf =>
    {
        var withVectors = leaf.AtomicReader.GetDocsWithField(IndexFields.Vector);
        var live = leaf.AtomicReader.LiveDocs;
        return withVectors is null ? 0 : Enumerable.Range(0, leaf.AtomicReader.MaxDoc).Count(doc => withVectors.Get(doc) && (live is null || live.Get(doc)));
    }), 0);

    /// <summary>Stored vectors of passages embedded before, by the hash of their embedded text.</summary>
    public IReadOnlyDictionary<string, float[]> FindEmbeddings(IReadOnlyList<string> textHashes) => WithSearcher(searcher =>
    {
        var found = new Dictionary<string, float[]>();
        var values = MultiDocValues.GetBinaryValues(searcher.IndexReader, IndexFields.Vector);
        if (values is null)
        {
            return found;
        }
        var bytes = new Lucene.Net.Util.BytesRef();
        foreach (var hash in textHashes.Distinct())
        {
            var top = searcher.Search(new TermQuery(new Term(IndexFields.EmbeddedTextHash, hash)), 1);
            if (top.TotalHits > 0)
            {
                values.Get(top.ScoreDocs[0].Doc, bytes);
                var vector = new float[bytes.Length / sizeof(float)];
                VectorCodec.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), vector);
                found[hash] = vector;
            }
        }
        return found;
    }, new Dictionary<string, float[]>());

    private IndexCatalog CatalogOf(IndexReader reader)
    {
        lock (_catalogLock)
        {
            if (_catalog is null || !ReferenceEquals(_catalog.Reader, reader))
            {
                _catalog = IndexCatalog.Load(reader);
            }
            return _catalog;
        }
    }

    private void Warm(IndexReader reader)
    {
        CatalogOf(reader);
        _vectors.Warm(reader);
    }

    public void Dispose()
    {
        // Operations already submitted finish before the writer closes.
        _writes?.Dispose();
        _searchers?.Dispose();
        _writer?.Dispose();
        _queryAnalyzer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private Document? FindDocumentField(string documentId) => WithSearcher(searcher =>
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.DocumentId, documentId)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.Kind, IndexFields.DocumentKind)), Occur.MUST },
        };
        var top = searcher.Search(query, 1);
        return top.TotalHits == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc);
    }, null);

    /// <summary>A document's record from its stored JSON (see <see cref="RecordFieldVisitor"/>).</summary>
    internal static DocumentRecord ReadRecord(string json) =>
        JsonSerializer.Deserialize<DocumentRecord>(json, Json)!;

    private T WithSearcher<T>(Func<IndexSearcher, T> action, T whenEmpty)
    {
        if (_searchers is null)
        {
            return whenEmpty;
        }
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void Commit()
    {
        if (_pendingLogSequence is { } sequence)
        {
            _writer!.SetCommitData(new Dictionary<string, string>(_writer.CommitData) { [LogSequenceCommitKey] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        _writer!.Commit();
        _committedEmbeddingModel = EmbeddingModelOf(_writer.CommitData);
        _searchers!.MaybeRefreshBlocking();
    }

    private static string? EmbeddingModelOf(IDictionary<string, string> commitData) =>
        commitData.TryGetValue(IndexFields.EmbeddingModelCommitKey, out var model) ? model : null;

    /// <summary>The writer (for tests that hold its lock), or null when opened for reading.</summary>
    internal IndexWriter? Writer => _writer;

    private IndexWriteQueue Writes =>
        _writes ?? throw new InvalidOperationException("The index was opened for reading only.");

    private IndexWriter RequireWriter() =>
        _writer ?? throw new InvalidOperationException("The index was opened for reading only.");
}
