package org.astroruntime.e2e.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A point-source catalogue read from CSV ({@code id,ra,dec,vmag,bv}; lines starting with # are comments). */
public record Catalogue(String name, List<Source> sources) {

    /** The catalogue shipped with e2e-tests, used by the demo and the tests. */
    public static final String BUNDLED = "catalogues/demo-stars.csv";

    public Catalogue {
        sources = List.copyOf(sources);
    }

    public static Catalogue bundled() throws IOException {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("bundled catalogue " + BUNDLED + " is missing from the class path");
            }
            return read("demo-stars", in);
        }
    }

    public static Catalogue read(Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(csv.getFileName().toString(), in);
        }
    }

    private static Catalogue read(String name, InputStream in) throws IOException {
        List<Source> sources = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",");
            sources.add(new Source(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        return new Catalogue(name, sources);
    }

    /** The sources within {@code sr} degrees of a position, nearest first. */
    public List<Source> cone(double ra, double dec, double sr) {
        return sources.stream()
                .filter(s -> s.distanceTo(ra, dec) <= sr)
                .sorted(Comparator.comparingDouble(s -> s.distanceTo(ra, dec)))
                .toList();
    }
}
