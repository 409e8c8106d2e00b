package org.astroruntime.registry.resource;

import java.util.List;
import java.util.Optional;

/**
 * A VOResource 1.1 record, reduced to what search and resolution need.
 *
 * @param ivoid        normalised identifier
 * @param status       {@code active}, {@code inactive} or {@code deleted}
 * @param type         the {@code xsi:type} of the resource, e.g. {@code vs:CatalogService}
 * @param title        title
 * @param shortName    short name, or null
 * @param description  content description, or null
 * @param subjects     content subjects
 * @param contentTypes content types, e.g. {@code Catalog}, {@code Survey}
 * @param wavebands    coverage wavebands, e.g. {@code Optical}, {@code X-ray}
 * @param publisher    curation publisher, or null
 * @param updated      the record's {@code updated} attribute, or null
 * @param capabilities what the resource can do, each with its interfaces
 */
public record VoResource(String ivoid, String status, String type, String title, String shortName,
                         String description, List<String> subjects, List<String> contentTypes,
                         List<String> wavebands, String publisher, String updated,
                         List<Capability> capabilities) {

    public VoResource {
        subjects = List.copyOf(subjects);
        contentTypes = List.copyOf(contentTypes);
        wavebands = List.copyOf(wavebands);
        capabilities = List.copyOf(capabilities);
    }

    /** The first capability with the given standard id (compared case-insensitively, as ivoids are). */
    public Optional<Capability> capability(String standardId) {
        return capabilities.stream()
                .filter(c -> c.standardId() != null && c.standardId().equalsIgnoreCase(standardId))
                .findFirst();
    }
}
