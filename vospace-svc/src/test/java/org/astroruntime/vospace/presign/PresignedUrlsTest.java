package org.astroruntime.vospace.presign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.astroruntime.common.id.VosUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresignedUrlsTest {

    private final VosUri node = VosUri.parse("vos://astroruntime.local!vospace/alice/a.vot");

    @Test
    void aGrantIsValidForItsNodeOnly(@TempDir Path dir) throws Exception {
        PresignedUrls urls = new PresignedUrls(dir, Duration.ofMinutes(5));
        String grant = urls.grant(node, PresignedUrls.Access.READ);
        String expires = grant.replaceAll("expires=(\\d+)&.*", "$1");
        String signature = grant.replaceAll(".*signature=", "");
        assertTrue(urls.isValid(node, expires, signature));
        assertFalse(urls.isValid(VosUri.parse("vos://astroruntime.local!vospace/alice/b.vot"), expires, signature));
        assertFalse(urls.isValid(node, "x", signature));
        assertFalse(urls.isValid(node, expires, null));
        // The secret persists: a restarted service accepts its earlier grants.
        assertTrue(new PresignedUrls(dir, Duration.ofMinutes(5)).isValid(node, expires, signature));
    }

    @Test
    void anExpiredGrantIsRefused(@TempDir Path dir) throws Exception {
        PresignedUrls urls = new PresignedUrls(dir, Duration.ofSeconds(-5));
        String grant = urls.grant(node, PresignedUrls.Access.READ);
        assertFalse(urls.isValid(node, grant.replaceAll("expires=(\\d+)&.*", "$1"), grant.replaceAll(".*signature=", "")));
    }
}
