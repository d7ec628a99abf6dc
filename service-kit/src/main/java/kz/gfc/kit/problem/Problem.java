package kz.gfc.kit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details. {@code type} is stable and machine-readable; {@code userMessage}
 * is the text an operator or citizen is shown, in the language the client asked for.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors,
        String userMessage,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://gfc.kz/problems/";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message) {
    }
}
