package kz.gfc.kit.testing;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads one sample from the service's Prometheus endpoint, as a dashboard or an alert would. */
public final class MetricsProbe {

    private MetricsProbe() {
    }

    /**
     * The value of the first sample named {@code name} whose labels contain every
     * {@code label="value"} given, or NaN when there is none.
     */
    public static double value(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + " ") || line.startsWith(name + "{"))) {
                continue;
            }
            if (Arrays.stream(labels).allMatch(line::contains)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }
}
