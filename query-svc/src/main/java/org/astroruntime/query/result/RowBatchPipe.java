package org.astroruntime.query.result;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * Hands the rows a parser decodes to a table writer on another thread, in batches of {@value #BATCH} rows: a
 * hand-over per row (as STIL's {@code OnceRowPipe} does) costs a lock and a wake-up a row, which at a million
 * rows is most of the conversion's time. At most {@value #BATCHES} batches wait, so memory stays flat. The table
 * can be read once; {@link #setError(IOException)} ends both sides with that error.
 */
final class RowBatchPipe implements TableSink {

    static final int BATCH = 1024;
    static final int BATCHES = 8;
    private static final List<Object[]> END = List.of();

    private final HandOver<List<Object[]>> batches = new HandOver<>(BATCHES);
    private final CompletableFuture<StarTable> metadata = new CompletableFuture<>();
    private List<Object[]> filling = new ArrayList<>(BATCH);

    /**
     * Keeps a copy: the parser's metadata object lives on and changes as parsing goes on, while the writer reads
     * it from another thread.
     */
    @Override
    public void acceptMetadata(StarTable meta) {
        ColumnInfo[] columns = new ColumnInfo[meta.getColumnCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnInfo(meta.getColumnInfo(i));
        }
        RowListStarTable copy = new RowListStarTable(columns);
        copy.setName(meta.getName());
        copy.setParameters(new ArrayList<>(meta.getParameters()));
        metadata.complete(copy);
    }

    @Override
    public void acceptRow(Object[] row) throws IOException {
        batches.throwIfFailed(); // a volatile read: the parser stops at the next row once the writer side is given up
        filling.add(row);
        if (filling.size() == BATCH) {
            batches.put(filling);
            filling = new ArrayList<>(BATCH);
        }
    }

    @Override
    public void endRows() throws IOException {
        if (!filling.isEmpty()) {
            batches.put(filling);
        }
        batches.put(END);
    }

    /** Ends both sides with {@code cause}. */
    void setError(IOException cause) {
        metadata.completeExceptionally(cause);
        batches.fail(cause);
    }

    /** The table, once its metadata has arrived; its rows can be read once, as they are decoded. */
    StarTable waitForStarTable() throws IOException {
        StarTable meta;
        try {
            meta = metadata.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the table");
        }
        return new WrapperStarTable(meta) {
            @Override
            public long getRowCount() {
                return -1;
            }

            @Override
            public boolean isRandom() {
                return false;
            }

            @Override
            public RowSequence getRowSequence() {
                return new BatchSequence();
            }
        };
    }

    /** Reads the batches in order. */
    private final class BatchSequence implements RowSequence {
        private List<Object[]> current = List.of();
        private int position = -1;
        private Object[] row;
        private boolean ended;

        @Override
        public boolean next() throws IOException {
            while (!ended && position + 1 >= current.size()) {
                List<Object[]> batch = batches.take();
                if (batch == END) {
                    ended = true;
                } else {
                    current = batch;
                    position = -1;
                }
            }
            if (ended) {
                row = null;
                return false;
            }
            row = current.get(++position);
            return true;
        }

        @Override
        public Object getCell(int column) {
            return row()[column];
        }

        @Override
        public Object[] getRow() {
            return row();
        }

        private Object[] row() {
            if (row == null) {
                throw new IllegalStateException("no current row");
            }
            return row;
        }

        @Override
        public void close() {
            // nothing to release: the producer is ended by the caller
        }
    }
}
