package org.astroruntime.registry.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.astroruntime.registry.ingest.ParsedRecord;
import org.astroruntime.registry.resource.ServiceKind;
import org.astroruntime.registry.resource.VoResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registry's resources: a Lucene index that is at once the store (each document keeps the resource as JSON
 * and its original XML) and the full-text search.
 *
 * <p>Readers only ever see committed states. Writers go through an {@link Update}, one at a time: an ingest or
 * harvest stages every change in the index writer and either commits them all, with its bookkeeping (such as a
 * harvest's next {@code from} datestamp) in the same commit, or rolls them all back, so a failed harvest leaves
 * the last good set in place.
 */
@ApplicationScoped
public class ResourceIndex {

    /** Deep paging costs memory per request; beyond this, narrow the search instead. */
    public static final int MAX_OFFSET = 10_000;

    @ConfigProperty(name = "registry.index.dir")
    Optional<Path> indexDir;

    @Inject
    ObjectMapper json;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ReentrantLock writeLock = new ReentrantLock();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile Map<String, String> commitData = Map.of();

    @PostConstruct
    void open() throws IOException {
        if (indexDir.isPresent()) {
            Files.createDirectories(indexDir.get());
            directory = FSDirectory.open(indexDir.get());
        } else {
            directory = new ByteBuffersDirectory();
        }
        writer = newWriter();
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        searchers = new SearcherManager(directory, null);
        IndexSearcher searcher = searchers.acquire();
        try {
            commitData = Map.copyOf(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
        } finally {
            searchers.release(searcher);
        }
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        return new IndexWriter(directory, config);
    }

    @PreDestroy
    void close() throws IOException {
        writeLock.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            writeLock.unlock();
        }
    }

    /** Starts a set of changes; waits while another one is in progress. Close it (commit or not) to end it. */
    public Update beginUpdate() {
        writeLock.lock();
        try {
            return new Update(searchers.acquire());
        } catch (IOException | RuntimeException e) {
            writeLock.unlock();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The bookkeeping stored with the last commit (e.g. harvest datestamps). */
    public Map<String, String> commitData() {
        return commitData;
    }

    public Optional<VoResource> find(String ivoid) {
        return storedDocument(ivoid, ResourceDocuments.JSON).map(doc -> fromJson(doc.getBinaryValue(ResourceDocuments.JSON)));
    }

    /** The resource's original VOResource XML. */
    public Optional<String> xml(String ivoid) {
        return storedDocument(ivoid, ResourceDocuments.XML).map(doc -> doc.get(ResourceDocuments.XML));
    }

    private Optional<Document> storedDocument(String ivoid, String field) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(ResourceDocuments.keyTerm(ivoid)), 1);
            return top.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(field)));
        });
    }

    /** Resources in identifier order. */
    public List<VoResource> list(int offset, int limit) {
        return withSearcher(searcher -> {
            Sort byId = new Sort(new SortField(ResourceDocuments.IVOID, SortField.Type.STRING));
            TopDocs top = searcher.search(new MatchAllDocsQuery(), offset + limit, byId);
            return resources(searcher, top, offset);
        });
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Runs a keyword search with filters. */
    public SearchPage search(SearchQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        boolean listing = query.keywords().isEmpty();
        if (listing) {
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        } else {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, ResourceDocuments.KEYWORD_WEIGHTS);
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            builder.add(parser.parse(query.keywords()), BooleanClause.Occur.MUST);
        }
        addAnyOf(builder, ResourceDocuments.KIND, query.kinds().stream().map(ServiceKind::apiName).toList());
        addAnyOf(builder, ResourceDocuments.WAVEBAND, query.wavebands());
        addAnyOf(builder, ResourceDocuments.CONTENT_TYPE, query.contentTypes());
        Query q = builder.build();
        int wanted = query.offset() + query.limit();
        return withSearcher(searcher -> {
            TopDocs top = listing
                    ? searcher.search(q, new TopFieldCollectorManager(new Sort(
                            new SortField(ResourceDocuments.TITLE_SORT, SortField.Type.STRING),
                            new SortField(ResourceDocuments.IVOID, SortField.Type.STRING)), wanted, Integer.MAX_VALUE))
                    : searcher.search(q, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
            List<VoResource> resources = resources(searcher, top, query.offset());
            List<SearchPage.Hit> hits = new ArrayList<>(resources.size());
            for (int i = 0; i < resources.size(); i++) {
                VoResource r = resources.get(i);
                float score = listing ? 0f : top.scoreDocs[query.offset() + i].score;
                hits.add(new SearchPage.Hit(score, ServiceKind.of(r).stream().map(ServiceKind::apiName).toList(), r));
            }
            return new SearchPage(top.totalHits.value, query.offset(), query.limit(), hits);
        });
    }

    private static void addAnyOf(BooleanQuery.Builder builder, String field, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : values) {
            any.add(new TermQuery(new Term(field, v.toLowerCase(Locale.ROOT))), BooleanClause.Occur.SHOULD);
        }
        builder.add(any.build(), BooleanClause.Occur.FILTER);
    }

    private List<VoResource> resources(IndexSearcher searcher, TopDocs top, int offset) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<VoResource> found = new ArrayList<>();
        for (int i = offset; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            found.add(fromJson(stored.document(sd.doc, Set.of(ResourceDocuments.JSON))
                    .getBinaryValue(ResourceDocuments.JSON)));
        }
        return found;
    }

    private VoResource fromJson(BytesRef bytes) {
        try {
            return json.readValue(bytes.bytes, bytes.offset, bytes.length, VoResource.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored resource", e);
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("registry index unreadable", e);
        }
    }

    /** What an upsert did. */
    public enum Outcome { ADDED, CHANGED, UNCHANGED }

    /**
     * A set of changes made under the index's write lock. Nothing is visible until {@link #commit}; closing
     * without committing discards every change.
     */
    public final class Update implements AutoCloseable {

        /** Marks a key deleted within this update. */
        private static final String GONE = "";

        private final IndexSearcher committed;
        private final Map<String, String> staged = new HashMap<>();
        private final List<Change> changes = new ArrayList<>();
        private boolean finished;

        private Update(IndexSearcher committed) {
            this.committed = committed;
        }

        /** Adds or replaces a resource, unless the stored one has the same XML. */
        public Outcome upsert(ParsedRecord record, String source) throws IOException {
            VoResource r = record.resource();
            String key = ResourceDocuments.key(r.ivoid());
            String digest = ResourceDocuments.digest(record.xml());
            String previous = previousDigest(key);
            if (digest.equals(previous)) {
                return Outcome.UNCHANGED;
            }
            byte[] asJson = json.writeValueAsBytes(r);
            writer.updateDocument(ResourceDocuments.keyTerm(key),
                    ResourceDocuments.toDocument(r, asJson, record.xml(), digest, source));
            staged.put(key, digest);
            changes.add(new Change(r.ivoid(), false, r.title()));
            return previous == null ? Outcome.ADDED : Outcome.CHANGED;
        }

        /** Removes a resource; false if there was none. */
        public boolean delete(String ivoid) throws IOException {
            String key = ResourceDocuments.key(ivoid);
            if (previousDigest(key) == null) {
                return false;
            }
            writer.deleteDocuments(ResourceDocuments.keyTerm(key));
            staged.put(key, GONE);
            changes.add(new Change(ivoid, true, null));
            return true;
        }

        private String previousDigest(String key) throws IOException {
            String s = staged.get(key);
            if (s != null) {
                return s.equals(GONE) ? null : s;
            }
            TopDocs top = committed.search(new TermQuery(new Term(ResourceDocuments.IVOID, key)), 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            return committed.storedFields().document(top.scoreDocs[0].doc, Set.of(ResourceDocuments.DIGEST))
                    .get(ResourceDocuments.DIGEST);
        }

        /**
         * Makes every change visible at once, with {@code bookkeeping} merged into the commit's data.
         *
         * @return the changes, in the order they were made
         */
        public List<Change> commit(Map<String, String> bookkeeping) throws IOException {
            Map<String, String> data = new HashMap<>(commitData);
            data.putAll(bookkeeping);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            commitData = Map.copyOf(data);
            searchers.maybeRefreshBlocking();
            finished = true;
            return List.copyOf(changes);
        }

        @Override
        public void close() throws IOException {
            try {
                searchers.release(committed);
                if (!finished) {
                    // rollback() closes the writer; the next update needs a fresh one.
                    writer.rollback();
                    writer = newWriter();
                }
            } finally {
                writeLock.unlock();
            }
        }
    }
}
