package kz.gfc.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CallerTest {

    /** A token as Keycloak issues it: the login in preferred_username (the principal's name), the user id in sub. */
    private static QuarkusSecurityIdentity identity(Map<String, Object> claims) {
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("preferred_username");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRole("citizen").build();
    }

    @Test
    void theCallerIsTheTokensSubjectNotItsRenameableLogin() {
        var citizen = identity(Map.of("preferred_username", "citizen1", "sub", "8d1e5c1a-3f0b-4f57-9a53-2b1c0e6f7a10"));
        assertThat(citizen.getPrincipal().getName()).isEqualTo("citizen1");
        assertThat(new Caller(citizen).subject()).isEqualTo("8d1e5c1a-3f0b-4f57-9a53-2b1c0e6f7a10");
    }

    @Test
    void aTokenWithoutASubjectKeysNothing() {
        assertThatThrownBy(() -> new Caller(identity(Map.of("preferred_username", "citizen1"))).subject())
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> new Caller(QuarkusSecurityIdentity.builder().setAnonymous(true).build()).subject())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void theCitizensIinAndTheProviderComeFromTheTokenAndAnInvalidIinIsNone() {
        String iin = kz.gfc.kit.iin.SyntheticIins.random(new java.util.Random(3)).value();
        var citizen = new Caller(identity(Map.of("sub", "s1", "iin", iin, "given_name", "Айгүл", "family_name", "Сәрсенова")));
        assertThat(citizen.iin()).map(kz.gfc.kit.iin.Iin::value).contains(iin);
        assertThat(citizen.displayName()).isEqualTo("Айгүл Сәрсенова");
        assertThat(citizen.provider()).isEmpty();

        var forged = new Caller(identity(Map.of("sub", "s2", "iin", "123456789012", "provider", "MVD")));
        assertThat(forged.iin()).isEmpty();
        assertThat(forged.provider()).contains("MVD");
        assertThat(forged.displayName()).as("no name claims: the subject").isEqualTo("s2");
    }

    @Test
    void customClaimsOfAnOidcTokenAreReadFromItsClaimsNotThroughTheThrowingLookup() throws Exception {
        // the principal quarkus-oidc makes, over claims as Keycloak puts them in an access token
        var claims = org.jose4j.jwt.JwtClaims.parse("{\"sub\":\"s3\",\"provider\":\"MVD\",\"name\":\"Ерлан Жұмабаев\","
                + "\"branch\":[\"ALM-01\",\"AST-02\"]}");
        var token = new io.quarkus.oidc.runtime.OidcJwtCallerPrincipal(claims, null) {
            // MP-JWT's lookup: for a name outside its Claims enum it throws and catches inside
            @Override
            public <T> T getClaim(String name) {
                throw new AssertionError("read " + name + " through getClaim");
            }
        };
        var caller = new Caller(QuarkusSecurityIdentity.builder().setPrincipal(token).addRole("operator").build());

        assertThat(caller.provider()).contains("MVD");
        assertThat(caller.displayName()).isEqualTo("Ерлан Жұмабаев");
        assertThat(caller.claim("position")).isEmpty();
        StaffBranches branches = new StaffBranches(QuarkusSecurityIdentity.builder().setPrincipal(token).build());
        assertThat(branches.current()).containsExactly("ALM-01", "AST-02");
    }
}
