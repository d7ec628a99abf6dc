package kz.gfc.intake.infra;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;
import kz.gfc.intake.domain.application.PopulationRegister;
import kz.gfc.kit.iin.Iin;

/**
 * The population register locally and in tests: a data file of synthetic people (IINs from
 * the 9xxx serial range kept for synthetic data). A gateway to the real register replaces it.
 */
@ApplicationScoped
@DefaultBean
public class FilePopulationRegister implements PopulationRegister {

    record Entry(String iin, String fullName, LocalDate birthDate, String registeredAddress) {
    }

    private final ObjectMapper json;
    private final String file;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, String> addresses = new HashMap<>();

    public FilePopulationRegister(ObjectMapper json,
            @ConfigProperty(name = "gfc.intake.population-register.file", defaultValue = "population/people.json") String file) {
        this.json = json;
        this.file = file;
    }

    @PostConstruct
    void load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("population register file " + file + " not found");
            }
            List<Entry> entries = json.readValue(in, json.getTypeFactory().constructCollectionType(List.class, Entry.class));
            for (Entry e : entries) {
                people.put(Iin.of(e.iin()).value(), new Person(e.fullName(), e.birthDate()));
                if (e.registeredAddress() != null) {
                    addresses.put(Iin.of(e.iin()).value(), e.registeredAddress());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("population register file " + file + " is unreadable", e);
        }
    }

    @Override
    public Optional<String> registeredAddress(Iin iin) {
        return Optional.ofNullable(addresses.get(iin.value()));
    }

    @Override
    public Optional<Person> find(Iin iin) {
        return Optional.ofNullable(people.get(iin.value()));
    }
}
