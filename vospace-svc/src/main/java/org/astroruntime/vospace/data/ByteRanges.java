package org.astroruntime.vospace.data;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a download, honouring a single-range {@code Range: bytes=a-b} header (206 with Content-Range, or 416 when
 * the range lies outside the file), so that a broken download of a large result can be resumed.
 */
final class ByteRanges {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    static Response respond(Path file, String type, String rangeHeader, String md5) throws IOException {
        long size = Files.size(file);
        Matcher m = rangeHeader == null ? null : SINGLE.matcher(rangeHeader.strip());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            // No range, or a form we do not serve (several ranges): the whole file, as RFC 9110 allows.
            return Response.ok(file.toFile(), type).header("Accept-Ranges", "bytes").header("Content-Length", size)
                    .header("ETag", md5 == null ? null : "\"" + md5 + "\"").build();
        }
        long start;
        long end;
        if (m.group(1).isEmpty()) { // the last N bytes
            long n = Long.parseLong(m.group(2));
            start = Math.max(0, size - n);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || start > end) {
            return Response.status(416).header("Content-Range", "bytes */" + size).build();
        }
        long length = end - start + 1;
        StreamingOutput body = out -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(channel.position(start))) {
                byte[] buffer = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        };
        return Response.status(206).entity(body).type(type).header("Accept-Ranges", "bytes")
                .header("Content-Range", "bytes " + start + "-" + end + "/" + size)
                .header("Content-Length", length).build();
    }

    private ByteRanges() {
    }
}
