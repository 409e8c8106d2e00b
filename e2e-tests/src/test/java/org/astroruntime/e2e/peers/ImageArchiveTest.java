package org.astroruntime.e2e.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic image archive: reproducible, spread over the catalogue's sky, and rendering valid FITS. */
class ImageArchiveTest {

    private static Catalogue catalogue;
    private static ImageArchive archive;

    @BeforeAll
    static void load() throws Exception {
        catalogue = Catalogue.bundled();
        archive = ImageArchive.demo(catalogue);
    }

    @Test
    void theDemoArchiveIsDeterministic() {
        List<ImageRecord> again = ImageArchive.demo(catalogue).images();
        assertEquals(archive.images(), again);
        ImageRecord r = archive.images().get(17);
        assertArrayEquals(archive.fits(r), ImageArchive.demo(catalogue).fits(again.get(17)), "byte-identical downloads");
    }

    @Test
    void recordsCoverTheDescribedVariety() {
        List<ImageRecord> all = archive.images();
        assertEquals(ImageArchive.DEMO_SIZE, all.size());
        assertEquals(all.size(), all.stream().map(ImageRecord::obsId).distinct().count());
        assertEquals(Set.of("ARS-WIDE", "ARS-DEEP", "ARS-IR"), all.stream().map(ImageRecord::collection).collect(Collectors.toSet()));
        assertEquals(Set.of("U", "B", "V", "R", "I", "J", "H", "K"), all.stream().map(ImageRecord::band).collect(Collectors.toSet()));
        assertEquals(Set.of("image", "cube"), all.stream().map(ImageRecord::dataproductType).collect(Collectors.toSet()));
        assertEquals(Set.of(1, 2, 3), all.stream().map(ImageRecord::calibLevel).collect(Collectors.toSet()));
        Set<String> pol = new HashSet<>();
        for (ImageRecord r : all) {
            pol.add(r.polStates());
            assertTrue(r.width() >= 0.05 && r.width() <= 1.0 && r.height() >= 0.05 && r.height() <= 1.0, r.toString());
            assertTrue(r.tMax() > r.tMin() && r.emMax() > r.emMin());
            assertEquals(FitsImage.size(r), r.fileSize());
        }
        assertTrue(pol.containsAll(java.util.Arrays.asList(null, "/I/", "/Q/U/", "/I/Q/U/")), pol.toString());
        // spread over the sky: both hemispheres and all RA quadrants
        for (int q = 0; q < 4; q++) {
            int quadrant = q;
            assertTrue(all.stream().filter(r -> (int) (r.ra() / 90) == quadrant).count() > 200);
        }
        assertTrue(all.stream().filter(r -> r.dec() > 30).count() > 150 && all.stream().filter(r -> r.dec() < -30).count() > 150);
    }

    @Test
    void targetedImagesContainTheirStar() {
        int checked = 0;
        for (ImageRecord r : archive.images()) {
            for (Source s : catalogue.sources()) {
                if (s.id().equals(r.targetName())) {
                    assertTrue(r.footprint().contains(SkyGeometry.Vec.of(s.ra(), s.dec())), r.obsId() + " shows " + s.id());
                    checked++;
                    break;
                }
            }
            if (checked >= 200) {
                break;
            }
        }
        assertTrue(checked >= 200);
    }

    @Test
    void fitsFilesAreBlockedAndDescribeTheirData() {
        for (ImageRecord r : List.of(archive.images().get(0), first("STOKES"), first("WAVE"))) {
            byte[] f = archive.fits(r);
            assertEquals(r.fileSize(), f.length);
            assertEquals(0, f.length % FitsImage.BLOCK);
            String text = new String(f, StandardCharsets.US_ASCII);
            List<String> cards = FitsImage.header(r);
            for (int i = 0; i < cards.size(); i++) {
                assertEquals(80, cards.get(i).length());
                assertEquals(cards.get(i), text.substring(i * 80, i * 80 + 80), "card " + i);
            }
            assertTrue(cards.get(cards.size() - 1).startsWith("END "));
            assertTrue(cards.contains(String.format("%-80s", String.format("NAXIS1  = %20d / pixels along RA", r.naxis1()))));
            assertTrue(text.contains("CTYPE1  = 'RA---TAN'"));
            int headerBytes = (cards.size() * 80 + FitsImage.BLOCK - 1) / FitsImage.BLOCK * FitsImage.BLOCK;
            assertTrue(text.substring(cards.size() * 80, headerBytes).isBlank(), "the header block is padded with spaces");
            long data = 2L * r.naxis1() * r.naxis2() * Math.max(1, r.naxis3());
            for (long i = headerBytes + data; i < f.length; i++) {
                assertEquals(0, f[(int) i], "the data block is padded with zeros");
            }
        }
    }

    private static ImageRecord first(String axis3) {
        return archive.images().stream().filter(r -> axis3.equals(r.axis3())).findFirst().orElseThrow();
    }
}
