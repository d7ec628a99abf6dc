package kz.gfc.kit.web;

/** The realm roles of Keycloak realm {@code gfc} (see deploy/keycloak/gfc-realm.json). */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String OPERATOR = "operator";
    public static final String SUPERVISOR = "supervisor";
    /** A provider (state body) system, with a client-credentials token. */
    public static final String PROVIDER = "provider";
    public static final String AUDITOR = "auditor";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    /** Another GfC service calling with a client-credentials token. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
