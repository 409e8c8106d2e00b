package org.astroruntime.query.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.query.cone.ConeParameters;
import org.astroruntime.query.sia.Sia1Parameters;
import org.astroruntime.query.sia.Sia2Parameters;
import org.astroruntime.query.tap.TapParameters;

/** The query protocols query-svc speaks as a client, with the registry capability each one is found by. */
public enum QueryProtocol {
    /** Simple Cone Search 1.03. */
    CONE("cone", "cone-search", "ivo://ivoa.net/std/ConeSearch", ConeParameters::from),
    /** Simple Image Access 1.0. */
    SIA1("sia1", "SIA 1.0", "ivo://ivoa.net/std/SIA", Sia1Parameters::from),
    /** Simple Image Access 2.0 (ObsCore answers). */
    SIA2("sia2", "SIA 2.0", "ivo://ivoa.net/std/SIA#query-2.0", Sia2Parameters::from),
    /** Table Access Protocol 1.1 with ADQL, synchronous or asynchronous ({@code MODE}). */
    TAP("tap", "TAP", "ivo://ivoa.net/std/TAP", TapParameters::from);

    private final String apiName;
    private final String displayName;
    private final String standardId;
    private final Function<Map<String, String>, ProtocolParameters> parser;

    QueryProtocol(String apiName, String displayName, String standardId,
                  Function<Map<String, String>, ProtocolParameters> parser) {
        this.apiName = apiName;
        this.displayName = displayName;
        this.standardId = standardId;
        this.parser = parser;
    }

    /** The name clients use, e.g. {@code sia2}. */
    public String apiName() {
        return apiName;
    }

    /** The name used in messages, e.g. {@code SIA 2.0}. */
    public String displayName() {
        return displayName;
    }

    /** The standard id of the registry capability that offers this protocol. */
    public String standardId() {
        return standardId;
    }

    /**
     * Validates request parameters for this protocol (names case-insensitive, as DALI says).
     *
     * @throws InvalidParameterException naming the parameter at fault
     */
    public ProtocolParameters parameters(Map<String, String> parameters) {
        return parser.apply(parameters);
    }

    /** Looks a protocol up by its API name (case-insensitive); {@code scs} and {@code siap} are accepted too. */
    public static QueryProtocol fromApiName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "scs" -> n = "cone";
            case "siap", "sia" -> n = "sia1";
            default -> { }
        }
        String wanted = n;
        return Arrays.stream(values()).filter(p -> p.apiName.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("protocol", "unknown protocol '" + name + "'; known: "
                        + Arrays.stream(values()).map(QueryProtocol::apiName).collect(Collectors.joining(", "))));
    }
}
