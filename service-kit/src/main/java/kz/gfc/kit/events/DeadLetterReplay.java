package kz.gfc.kit.events;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts a service's dead letters back on the topics they came from, once what made them fail
 * is fixed (a handler bug deployed, a column widened, a producer corrected).
 *
 * <pre>
 * deploy/local/dlq-replay.sh &lt;service&gt; [--since 2h|2024-05-01T08:00:00Z] [--type kz.gfc.x.v1,...] [--dry-run]
 * </pre>
 *
 * <p>It reads {@code gfc.dlq.<service>.v1} from where its own consumer group
 * ({@code gfc.dlq-replay.<service>}) stopped last time up to the end the topic had when it
 * started (so a record that fails again and lands back in the dead-letter topic waits for
 * the next run instead of looping), and sends each selected record to its
 * {@code dead-letter-topic} with the same key, value and headers — the same {@code ce_id},
 * so a record that had in fact been processed is absorbed by the consumer's
 * {@code processed_event} — minus the {@code dead-letter-*} headers. The group's offsets are
 * committed only after the broker acknowledged the re-sent records: a second run does not
 * replay them again, a run that crashed replays at most its last batch (absorbed the same way).
 *
 * <p>Records not selected ({@code --since}, {@code --type}) are passed over and counted;
 * {@code --from-beginning} reads the whole dead-letter topic again, e.g. to replay a type
 * passed over earlier. Uses only kafka-clients, so it runs from the broker's classpath.
 */
public final class DeadLetterReplay {

    static final String HEADER_PREFIX = "dead-letter-";
    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    static final String REASON = "dead-letter-reason";
    private static final Duration STALL = Duration.ofSeconds(30);

    /** What to replay; {@link #forService} gives the conventional names. */
    public record Options(String bootstrap, String deadLetterTopic, String group, Instant since, Set<String> types,
            boolean dryRun, boolean fromBeginning) {

        public static Options forService(String bootstrap, String service) {
            return new Options(bootstrap, "gfc.dlq." + service + ".v1", "gfc.dlq-replay." + service, null, Set.of(),
                    false, false);
        }

        public Options topic(String deadLetterTopic) {
            return new Options(bootstrap, deadLetterTopic, group, since, types, dryRun, fromBeginning);
        }

        public Options since(Instant since) {
            return new Options(bootstrap, deadLetterTopic, group, since, types, dryRun, fromBeginning);
        }

        public Options types(Set<String> types) {
            return new Options(bootstrap, deadLetterTopic, group, since, Set.copyOf(types), dryRun, fromBeginning);
        }

        public Options dryRun(boolean dryRun) {
            return new Options(bootstrap, deadLetterTopic, group, since, types, dryRun, fromBeginning);
        }

        public Options fromBeginning(boolean fromBeginning) {
            return new Options(bootstrap, deadLetterTopic, group, since, types, dryRun, fromBeginning);
        }
    }

    /** One record sent back: its CloudEvent id and type, where it goes, where it was in the dead-letter topic. */
    public record Replayed(String eventId, String type, String topic, int deadLetterPartition, long deadLetterOffset) {
    }

    /** What a run did; {@code passedOver} counts per reason the records it read and did not send. */
    public record Report(List<Replayed> replayed, Map<String, Integer> passedOver) {
    }

    private DeadLetterReplay() {
    }

    public static Report run(Options options, PrintStream out) {
        List<Replayed> replayed = new ArrayList<>();
        Map<String, Integer> passedOver = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(options));
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(options))) {
            List<PartitionInfo> infos = consumer.partitionsFor(options.deadLetterTopic(), STALL);
            if (infos == null || infos.isEmpty()) {
                out.printf("%s does not exist: nothing was ever dead-lettered there%n", options.deadLetterTopic());
                return new Report(replayed, passedOver);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            // the end as it is now: what this run sends back and fails again waits for the next run
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, STALL);
            Map<TopicPartition, OffsetAndMetadata> committed = options.fromBeginning() ? Map.of()
                    : consumer.committed(new HashSet<>(partitions), STALL);
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                if (at == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, at.offset());
                }
            }
            Set<TopicPartition> pending = new HashSet<>(partitions);
            pending.removeIf(tp -> consumer.position(tp, STALL) >= end.get(tp));
            long lastProgress = System.nanoTime();
            while (!pending.isEmpty()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                        throw new IllegalStateException("no records from " + options.deadLetterTopic() + " for "
                                + STALL.toSeconds() + " s although " + pending + " are not read to their end");
                    }
                    continue;
                }
                lastProgress = System.nanoTime();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // arrived after the run started
                    }
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    String why = passOverReason(r, options);
                    if (why != null) {
                        passedOver.merge(why, 1, Integer::sum);
                        continue;
                    }
                    Replayed one = new Replayed(header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.TYPE),
                            header(r, ORIGINAL_TOPIC), r.partition(), r.offset());
                    replayed.add(one);
                    out.printf("%s %s:%d %s %s -> %s (was: %s)%n", options.dryRun() ? "would replay" : "replayed",
                            r.topic(), r.offset(), one.type(), one.eventId(), one.topic(), abbreviate(header(r, REASON)));
                    if (!options.dryRun()) {
                        acks.add(producer.send(new ProducerRecord<>(one.topic(), null, r.key(), r.value(), original(r))));
                    }
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(); // a record the broker did not take leaves the batch uncommitted
                }
                if (!options.dryRun() && !done.isEmpty()) {
                    consumer.commitSync(done);
                }
                pending.removeIf(tp -> consumer.position(tp, STALL) >= end.get(tp));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take a replayed record: " + e.getCause(), e.getCause());
        }
        out.printf("%s %d record(s) from %s%s%n", options.dryRun() ? "would replay" : "replayed", replayed.size(),
                options.deadLetterTopic(), passedOver.isEmpty() ? "" : "; passed over: " + passedOver);
        return new Report(replayed, passedOver);
    }

    private static String passOverReason(ConsumerRecord<byte[], byte[]> r, Options options) {
        if (header(r, ORIGINAL_TOPIC) == null) {
            return "no dead-letter-topic header";
        }
        if (options.since() != null && r.timestamp() < options.since().toEpochMilli()) {
            return "dead-lettered before " + options.since();
        }
        if (!options.types().isEmpty() && !options.types().contains(header(r, CloudEventHeaders.TYPE))) {
            return "other type";
        }
        return null;
    }

    /** The record's headers as the producer wrote them: the dead-letter ones are dropped, so a new failure gets fresh ones. */
    private static RecordHeaders original(ConsumerRecord<byte[], byte[]> r) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            if (!h.key().startsWith(HEADER_PREFIX)) {
                headers.add(h);
            }
        }
        return headers;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** One line per record: a reason may span lines (PostgreSQL's "Where:" part). */
    private static String abbreviate(String s) {
        if (s == null) {
            return "?";
        }
        String line = s.replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    private static Properties consumerConfig(Options options) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, options.group());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a mistyped service name must not create a topic
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static Properties producerConfig(Options options) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, options.group());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private static final String USAGE = """
            usage: dlq-replay <service> [--since <2h|30m|P1D|2024-05-01T08:00:00Z>] [--type <ce_type>[,<ce_type>...]]
                                        [--dry-run] [--from-beginning] [--bootstrap <host:port>] [--topic <dead-letter topic>]
            Sends the records of gfc.dlq.<service>.v1 not replayed yet back to their original topics.
              --since           only records dead-lettered since then (an instant, or that long ago)
              --type            only these CloudEvent types
              --dry-run         list what would be replayed; send and commit nothing
              --from-beginning  read the whole dead-letter topic, not only what earlier runs left
            """;

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args, System.getenv().getOrDefault("GFC_KAFKA_BOOTSTRAP", "127.0.0.1:19092"), Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (RuntimeException e) {
            System.err.println("dlq-replay failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static Options parse(String[] args, String defaultBootstrap, Instant now) {
        String service = null;
        String bootstrap = defaultBootstrap;
        String topic = null;
        Instant since = null;
        Set<String> types = new LinkedHashSet<>();
        boolean dryRun = false;
        boolean fromBeginning = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--since" -> since = since(value(args, ++i, a), now);
                case "--type" -> types.addAll(Arrays.stream(value(args, ++i, a).split(","))
                        .map(String::trim).filter(t -> !t.isEmpty()).toList());
                case "--bootstrap" -> bootstrap = value(args, ++i, a);
                case "--topic" -> topic = value(args, ++i, a);
                case "--dry-run" -> dryRun = true;
                case "--from-beginning" -> fromBeginning = true;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> {
                    if (a.startsWith("-") || service != null) {
                        throw new IllegalArgumentException("unexpected argument: " + a);
                    }
                    service = a;
                }
            }
        }
        if (service == null || !service.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("name the service whose dead letters to replay, e.g. audit-service");
        }
        Options o = Options.forService(bootstrap, service).since(since).types(types).dryRun(dryRun)
                .fromBeginning(fromBeginning);
        return topic == null ? o : o.topic(topic);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    static Instant since(String s, Instant now) {
        Matcher m = SHORT.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return now.minus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return s.startsWith("P") ? now.minus(Duration.parse(s)) : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes an instant (2024-05-01T08:00:00Z) or an age (2h, PT30M): " + s);
        }
    }
}
