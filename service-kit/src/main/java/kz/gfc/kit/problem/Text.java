package kz.gfc.kit.problem;

/** A text for applicants in both languages of service (R16): Kazakh and Russian. */
public record Text(String kk, String ru) {

    public static Text of(String kk, String ru) {
        return new Text(kk, ru);
    }

    public String in(Language language) {
        return language == Language.KK ? kk : ru;
    }
}
