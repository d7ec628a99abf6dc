package kz.gfc.kit.problem;

import java.util.Locale;

/** Languages of service (R16). Russian is the default when a client states no preference. */
public enum Language {
    KK, RU;

    /** Reads an Accept-Language header: the first of kk/ru by order of preference, else ru. */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return RU;
        }
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("kk") || tag.startsWith("kz")) {
                return KK;
            }
            if (tag.startsWith("ru")) {
                return RU;
            }
        }
        return RU;
    }

    public static Language parse(String code) {
        if (code == null) {
            return RU;
        }
        return "kk".equalsIgnoreCase(code.strip()) ? KK : RU;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
