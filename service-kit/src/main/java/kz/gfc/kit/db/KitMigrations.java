package kz.gfc.kit.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * The kit's own tables (outbox, processed_event, idempotency_key…) have a migration history
 * of their own ({@code flyway_kit_history}), applied right after the service's migrations.
 *
 * <p>Kit and service versions never interleave in one history, so a kit migration written
 * later applies to a database that is already past the service's V9 without Flyway's
 * out-of-order mode — which stays off for the service's own migrations, where a forgotten
 * or reordered script must stop the start instead of slipping in.
 */
@ApplicationScoped
public class KitMigrations implements FlywayConfigurationCustomizer {

    public static final String HISTORY = "flyway_kit_history";
    static final String LOCATION = "classpath:db/kit";
    private static final Logger LOG = Logger.getLogger(KitMigrations.class);

    @Override
    public void customize(FluentConfiguration service) {
        // before the service's Flyway validates its history, which must not list kit scripts
        String schema = service.getSchemas().length > 0 ? service.getSchemas()[0] : service.getDefaultSchema();
        adoptLegacyHistory(service.getDataSource(), schema, service.getTable());
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(service.getCallbacks()));
        callbacks.add(new AfterServiceMigrations());
        service.callbacks(callbacks.toArray(Callback[]::new));
    }

    /** Runs the kit's migrations once the service's have succeeded. */
    static final class AfterServiceMigrations implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            migrate(context.getConfiguration());
        }

        @Override
        public String getCallbackName() {
            return "gfc-kit-migrations";
        }
    }

    static void migrate(Configuration service) {
        String schema = service.getSchemas().length > 0 ? service.getSchemas()[0] : service.getDefaultSchema();
        Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .schemas(schema)
                .defaultSchema(schema)
                .table(HISTORY)
                .locations(LOCATION)
                // the schema already holds the service's tables: the kit's history starts at 0,
                // below every kit migration, the first time
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("kit history starts")
                .load()
                .migrate();
    }

    /**
     * Databases migrated before the kit had a history of its own list the kit's 0.x versions in
     * the service's history: they move to the kit's, so neither history mentions a script it
     * cannot resolve.
     */
    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void adoptLegacyHistory(DataSource dataSource, String schema, String serviceHistory) {
        if (dataSource == null) {
            LOG.warn("no datasource when Flyway was configured: legacy kit history not checked");
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String legacy;
            if (!exists(c, schema + "." + serviceHistory) || exists(c, schema + "." + HISTORY)) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT max(string_to_array(version, '.')::int[])::text FROM %s.%s
                    WHERE version LIKE '0.%%' AND success""".formatted(schema, serviceHistory));
                    ResultSet r = ps.executeQuery()) {
                legacy = r.next() ? r.getString(1) : null;
            }
            if (legacy == null) {
                return;
            }
            String version = legacy.replaceAll("[{}]", "").replace(',', '.');
            Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).table(HISTORY)
                    .locations(LOCATION).baselineVersion(version).baselineDescription("adopted from " + serviceHistory)
                    .load().baseline();
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM %s.%s WHERE version LIKE '0.%%'".formatted(schema, serviceHistory))) {
                ps.executeUpdate();
            }
            LOG.infof("kit migrations up to %s moved from %s.%s to %s", version, schema, serviceHistory, HISTORY);
        } catch (SQLException e) {
            throw new IllegalStateException("kit migration history of " + schema + " not readable", e);
        }
    }
}
