package de.grw.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON form of the API's values, as a workspace server and its clients exchange them: Jackson over the records
 * as they are (component names are the property names). Unknown properties are ignored, so that a newer server may
 * add some without breaking older clients.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ApiJson() {
    }

    /** A mapper configured for the API's values (a copy: configuring it changes nothing here). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
