package org.astroruntime.registry.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.astroruntime.registry.resource.ServiceKind;
import org.astroruntime.registry.resource.VoResource;

/** How a resource is laid out in the Lucene index: the field names, their analysis and what is stored. */
final class ResourceDocuments {

    /** Lower-case identifier: the key (indexed as one term, with doc values for listing in order). */
    static final String IVOID = "ivoid";
    static final String IDENTIFIER_WORDS = "identifier";
    static final String TITLE = "title";
    static final String SHORT_NAME = "shortName";
    static final String DESCRIPTION = "description";
    static final String SUBJECT = "subject";
    static final String PUBLISHER = "publisher";
    static final String KIND = "kind";
    static final String WAVEBAND = "waveband";
    static final String CONTENT_TYPE = "contentType";
    static final String TITLE_SORT = "titleSort";
    static final String SOURCE = "source";
    static final String DIGEST = "digest";
    static final String JSON = "json";
    static final String XML = "xml";

    /**
     * Relevance weights of the keyword fields: a word in the short name or title says more about a resource than
     * one somewhere in its description.
     */
    static final Map<String, Float> KEYWORD_WEIGHTS = Map.of(
            SHORT_NAME, 8f, TITLE, 4f, IDENTIFIER_WORDS, 3f, SUBJECT, 2f, PUBLISHER, 1.5f, DESCRIPTION, 1f);

    private ResourceDocuments() {
    }

    static String key(String ivoid) {
        return ivoid.toLowerCase(Locale.ROOT);
    }

    static Term keyTerm(String ivoid) {
        return new Term(IVOID, key(ivoid));
    }

    static Document toDocument(VoResource r, byte[] json, String xml, String digest, String source) {
        Document doc = new Document();
        String key = key(r.ivoid());
        doc.add(new StringField(IVOID, key, Field.Store.NO));
        doc.add(new SortedDocValuesField(IVOID, new BytesRef(key)));
        // "ivo://sdss.jhu/dr7" would be one token to the standard tokenizer; split it into its words.
        doc.add(new TextField(IDENTIFIER_WORDS, r.ivoid().replaceAll("[^\\p{L}\\p{N}]+", " "), Field.Store.NO));
        doc.add(new TextField(TITLE, r.title(), Field.Store.NO));
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(r.title().toLowerCase(Locale.ROOT))));
        addText(doc, SHORT_NAME, r.shortName());
        addText(doc, DESCRIPTION, r.description());
        addText(doc, PUBLISHER, r.publisher());
        r.subjects().forEach(s -> addText(doc, SUBJECT, s));
        ServiceKind.of(r).forEach(k -> doc.add(new StringField(KIND, k.apiName(), Field.Store.NO)));
        r.wavebands().forEach(w -> doc.add(new StringField(WAVEBAND, w.toLowerCase(Locale.ROOT), Field.Store.NO)));
        r.contentTypes().forEach(t -> doc.add(new StringField(CONTENT_TYPE, t.toLowerCase(Locale.ROOT), Field.Store.NO)));
        doc.add(new StringField(SOURCE, source, Field.Store.YES));
        doc.add(new StoredField(DIGEST, digest));
        doc.add(new StoredField(JSON, json));
        doc.add(new StoredField(XML, xml));
        return doc;
    }

    private static void addText(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    /** A digest of the record's XML: a re-ingested record with the same digest is unchanged. */
    static String digest(String xml) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
