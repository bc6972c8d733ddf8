package org.zkplatform.dist.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void rendersNestedValuesInOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", "ruok");
        map.put("error", null);
        map.put("n", 42L);
        map.put("avg", 0.5);
        map.put("ok", true);
        map.put("list", List.of(1, "two", Map.of()));

        assertEquals("{\"command\":\"ruok\",\"error\":null,\"n\":42,\"avg\":0.5,\"ok\":true,\"list\":[1,\"two\",{}]}",
                Json.write(map));
    }

    @Test
    void escapesWhatJsonCannotCarryRaw() {
        String nasty = "a\"b\\c\nd\te\u0001/";

        String json = Json.write(Map.of("k", nasty));

        assertEquals("{\"k\":\"a\\\"b\\\\c\\nd\\te\\u0001/\"}", json);
        assertEquals(Map.of("k", nasty), JsonReader.parse(json));
    }

    @Test
    void writesNullForNumbersJsonHasNot() {
        assertEquals("[null,null]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY)));
    }
}
