package org.astroruntime.vospace.data;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The direct, aligned buffers that uploads gather their bytes in ({@link BlockFile#newBlock()}), kept for reuse
 * because direct memory is slow to allocate and is only returned to the system by a garbage collection.
 */
@ApplicationScoped
public class UploadBlocks {

    /** Blocks kept between uploads (1 MiB each); uploads beyond that allocate and drop their own. */
    private static final int KEPT = 32;

    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(KEPT);

    ByteBuffer take() {
        ByteBuffer block = free.poll();
        return block != null ? block.clear().limit(BlockFile.BLOCK_BYTES) : BlockFile.newBlock();
    }

    void give(ByteBuffer block) {
        free.offer(block);
    }
}
