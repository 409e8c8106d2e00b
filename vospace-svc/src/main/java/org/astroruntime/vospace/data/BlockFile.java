package org.astroruntime.vospace.data;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A new file written in whole blocks, bypassing the page cache (O_DIRECT) where the file system allows it.
 *
 * <p>Why: on the suite's machines the kernel's copy of upload bytes into the page cache cost more CPU than reading
 * them from the network and hashing them together; direct writes go from our buffer to the device. Where direct I/O
 * is refused (tmpfs, some network file systems) the file is written through the page cache and synced every
 * {@value #SYNC_EVERY_BYTES} bytes so that the final sync has little left to do.
 */
final class BlockFile implements AutoCloseable {

    /** Size of every block but the last; a multiple of any file system's block size. */
    static final int BLOCK_BYTES = 1 << 20;

    private static final long SYNC_EVERY_BYTES = 32L << 20;

    private final FileChannel channel;
    private final int alignment;
    private final boolean direct;
    private long length;
    private long unsynced;

    private BlockFile(FileChannel channel, int alignment, boolean direct) {
        this.channel = channel;
        this.alignment = alignment;
        this.direct = direct;
    }

    /** Creates {@code file}, which must not exist, for direct writes where possible. */
    static BlockFile create(Path file) throws IOException {
        return create(file, true);
    }

    /** As {@link #create(Path)}; {@code tryDirect} false always writes through the page cache. */
    static BlockFile create(Path file, boolean tryDirect) throws IOException {
        int alignment = (int) Files.getFileStore(file.getParent()).getBlockSize();
        if (tryDirect && alignment > 0 && MEMORY_ALIGNMENT % alignment == 0) {
            try {
                return new BlockFile(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        ExtendedOpenOption.DIRECT), alignment, true);
            } catch (UnsupportedOperationException | IOException e) {
                Files.deleteIfExists(file); // created, then refused direct access; buffered writes follow
            }
        }
        return new BlockFile(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1, false);
    }

    /** Memory alignment of blocks; covers the block sizes of common file systems. */
    private static final int MEMORY_ALIGNMENT = 64 << 10;

    /** A buffer that {@link #write} accepts: direct, aligned, {@link #BLOCK_BYTES} long. */
    static ByteBuffer newBlock() {
        return ByteBuffer.allocateDirect(BLOCK_BYTES + MEMORY_ALIGNMENT).alignedSlice(MEMORY_ALIGNMENT).limit(BLOCK_BYTES);
    }

    /**
     * Appends the block's bytes from 0 to its position. Every block but the last must be full; the last may be short
     * (it is padded to the alignment on disk, and the file is cut back to its true length by {@link #finish}).
     */
    void write(ByteBuffer block) throws IOException {
        int count = block.position();
        int padded = direct ? (count + alignment - 1) / alignment * alignment : count;
        ByteBuffer out = block.duplicate().position(0).limit(padded);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        length += count;
        unsynced += padded;
        if (!direct && unsynced >= SYNC_EVERY_BYTES) {
            channel.force(false);
            unsynced = 0;
        }
    }

    /** Cuts off any padding and makes the bytes durable. */
    void finish() throws IOException {
        if (direct && channel.size() != length) {
            channel.truncate(length);
        }
        channel.force(false);
    }

    /** Whether the page cache is bypassed. */
    boolean isDirect() {
        return direct;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
