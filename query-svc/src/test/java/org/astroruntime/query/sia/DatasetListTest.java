package org.astroruntime.query.sia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetListTest {

    @TempDir
    Path dir;

    private Path votable(String fields, String rows) throws IOException {
        return Files.writeString(dir.resolve("answer.vot"), """
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
                <INFO name="QUERY_STATUS" value="OK"/><TABLE>%s<DATA><TABLEDATA>%s</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                """.formatted(fields, rows));
    }

    @Test
    void readsSia1ColumnsByUcd() throws IOException {
        Path answer = votable("""
                <FIELD name="t" datatype="char" arraysize="*" ucd="VOX:Image_Title"/>
                <FIELD name="link" datatype="char" arraysize="*" ucd="VOX:Image_AccessReference"/>
                <FIELD name="fmt" datatype="char" arraysize="*" ucd="VOX:Image_Format"/>""", """
                <TR><TD>M31 R</TD><TD>http://h/images/1</TD><TD>image/fits</TD></TR>
                <TR><TD>no link</TD><TD>ftp://h/x</TD><TD>image/fits</TD></TR>
                <TR><TD>M31 preview</TD><TD>https://h/images/1.jpg</TD><TD>image/jpeg</TD></TR>
                <TR><TD>third</TD><TD>http://h/images/3</TD><TD>image/fits</TD></TR>""");
        List<DatasetList.Dataset> found = DatasetList.read(answer, 2);
        assertEquals(List.of(new DatasetList.Dataset(URI.create("http://h/images/1"), "image/fits", "M31 R"),
                new DatasetList.Dataset(URI.create("https://h/images/1.jpg"), "image/jpeg", "M31 preview")), found,
                "rows without an http(s) link are skipped, and no more than asked are read");
    }

    @Test
    void readsObsCoreColumnsByName() throws IOException {
        Path answer = votable("""
                <FIELD name="obs_id" datatype="char" arraysize="*"/>
                <FIELD name="access_url" datatype="char" arraysize="*"/>
                <FIELD name="access_format" datatype="char" arraysize="*"/>""", """
                <TR><TD>obs-7</TD><TD>http://h/dl?ID=7</TD><TD>application/fits</TD></TR>""");
        assertEquals(List.of(new DatasetList.Dataset(URI.create("http://h/dl?ID=7"), "application/fits", "obs-7")),
                DatasetList.read(answer, 10));
    }

    @Test
    void anAnswerWithoutLinksIsRefusedWithTheReason() throws IOException {
        Path answer = votable("<FIELD name=\"ra\" datatype=\"double\"/>", "<TR><TD>1</TD></TR>");
        assertTrue(assertThrows(IOException.class, () -> DatasetList.read(answer, 10)).getMessage()
                .contains("no access URL column"));
    }

    @Test
    void namesAreSafeUniqueAndCarryTheExtensionOfTheMediaType() {
        Set<String> taken = new HashSet<>();
        DatasetList.Dataset m31 = new DatasetList.Dataset(URI.create("http://h/images/1"), "image/fits", "M31 R/band");
        assertEquals("M31_R_band.fits", DatasetDownloads.uniqueName(m31, taken));
        assertEquals("M31_R_band-2.fits", DatasetDownloads.uniqueName(m31, taken));
        assertEquals("frame.fits", DatasetDownloads.uniqueName(
                new DatasetList.Dataset(URI.create("http://h/data/frame.fits"), "application/fits", null), taken));
        assertEquals("dataset", DatasetDownloads.uniqueName(
                new DatasetList.Dataset(URI.create("http://h/"), null, "../.."), taken));
    }
}
