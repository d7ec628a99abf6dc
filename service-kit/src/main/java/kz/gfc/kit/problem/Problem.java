package kz.gfc.kit.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

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
        String correlationId,
        @JsonIgnore Map<String, Object> extensions) {

    /** RFC 9457 extension members (e.g. {@code opensAt}) appear at the top level of the document. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://gfc.kz/problems/";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message) {
    }
}
