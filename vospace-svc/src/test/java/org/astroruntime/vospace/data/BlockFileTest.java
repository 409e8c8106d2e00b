package org.astroruntime.vospace.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockFileTest {

    @TempDir
    Path dir;

    /** Full blocks then a short one (or an empty one): the file holds exactly the bytes given, with no padding. */
    @ParameterizedTest(name = "direct={0}, blocks={1}, tail={2}")
    @CsvSource({
        "true, 3, 12345", "false, 3, 12345",
        "true, 2, 0", "false, 2, 0",
        "true, 0, 1", "true, 0, 0",
        "true, 1, 4096", "false, 0, 70000"})
    void writesExactlyTheGivenBytes(boolean direct, int fullBlocks, int tail) throws Exception {
        Path file = dir.resolve("f.part");
        Random random = new Random(fullBlocks * 31L + tail);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (BlockFile out = BlockFile.create(file, direct)) {
            if (!direct) {
                assertFalse(out.isDirect());
            }
            ByteBuffer block = BlockFile.newBlock();
            for (int i = 0; i <= fullBlocks; i++) {
                byte[] bytes = new byte[i < fullBlocks ? BlockFile.BLOCK_BYTES : tail];
                random.nextBytes(bytes);
                expected.write(bytes);
                block.clear().limit(BlockFile.BLOCK_BYTES);
                block.put(bytes);
                out.write(block);
            }
            out.finish();
        }
        assertEquals(expected.size(), Files.size(file));
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }
}
