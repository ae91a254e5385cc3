import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * The reference side of tools/bench-lucene-java.sh: Lucene Java indexes the exported pages (one document per page,
 * EnglishAnalyzer, BM25) into a folder on disk, then times the query list in process, warm: two passes to warm the
 * JIT and the page cache, then one measured pass, top 10 per query; once as IndexSearcher.search(query, 10) does (hits counted up to 1,000,
 * so block-max WAND may skip), once counting every hit. Prints "RESULT lucene-java p50 p95 p99 mean pages" and
 * "RESULT lucene-java-exact …".
 *
 * Usage: java LuceneBench PAGES.tsv QUERIES.txt INDEX_DIR   (PAGES.tsv: id TAB page TAB text, one page a line)
 */
public final class LuceneBench {
    /** IndexSearcher.search(query, 10)'s hit-count threshold in Lucene 8. */
    private static final int DEFAULT_THRESHOLD = 1000;

    public static void main(String[] args) throws Exception {
        Path pages = Paths.get(args[0]);
        List<String> queries = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        Path indexDir = Paths.get(args[2]);
        EnglishAnalyzer analyzer = new EnglishAnalyzer();
        int count = index(pages, indexDir, analyzer);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            // The default top 10 counts hits only up to 1,000, which lets Lucene 8 skip blocks that cannot reach the
            // top (block-max WAND); counting every hit, as Lucene.Net 4.8 always does, shows what that skipping is worth.
            int[] thresholds = {DEFAULT_THRESHOLD, Integer.MAX_VALUE};
            // Both ways are warmed before either is measured, so neither is timed with a colder JIT.
            for (int pass = 0; pass < 2; pass++) {
                for (int threshold : thresholds) {
                    run(searcher, analyzer, queries, threshold);
                }
            }
            for (int threshold : thresholds) {
                double[] latencies = run(searcher, analyzer, queries, threshold);
                Arrays.sort(latencies);
                double mean = Arrays.stream(latencies).average().orElse(0);
                System.out.printf("RESULT lucene-java%s %.3f %.3f %.3f %.3f %d%n", threshold == DEFAULT_THRESHOLD ? "" : "-exact",
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), mean, count);
            }
        }
    }

    private static int index(Path pages, Path indexDir, EnglishAnalyzer analyzer) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        int count = 0;
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(indexDir), config)) {
            for (String line : Files.readAllLines(pages, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) {
                    continue;
                }
                Document document = new Document();
                document.add(new StringField("id", parts[0] + "#" + parts[1], Field.Store.YES));
                document.add(new TextField("text", parts[2], Field.Store.NO));
                writer.addDocument(document);
                count++;
            }
            writer.forceMerge(1);
        }
        return count;
    }

    /** Milliseconds per query: parsing (analysis included) and the top-10 search, as the project's side times them. */
    private static double[] run(IndexSearcher searcher, EnglishAnalyzer analyzer, List<String> queries, int totalHitsThreshold) throws Exception {
        QueryParser parser = new QueryParser("text", analyzer);
        double[] latencies = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            Query query = parser.parse(QueryParser.escape(queries.get(i)));
            searcher.search(query, TopScoreDocCollector.create(10, totalHitsThreshold));
            latencies[i] = (System.nanoTime() - start) / 1e6;
        }
        return latencies;
    }

    private static double percentile(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
    }
}
