import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics and their dead-letter topics ({@code <topic>.dlq}) if missing, with 3 partitions and
 * replication factor 1, through the Admin API; prints one line per topic ("created NAME" or "exists NAME (N
 * partitions)"). Idempotent, and safe against a concurrent creation of the same topic.
 * Usage (run by deploy/local/kafka.sh): java -cp ".local/kafka/libs/*" CreateTopics.java BOOTSTRAP TOPIC...
 */
public class CreateTopics {
    private static final int PARTITIONS = 3;
    private static final short REPLICATION = 1;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics <bootstrap> <topic>...");
            System.exit(2);
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 1; i < args.length; i++) {
            wanted.add(args[i]);
            wanted.add(args[i] + ".dlq");
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : wanted) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, PARTITIONS, REPLICATION).configs(Map.of("min.insync.replicas", "1")));
                }
            }
            List<String> raced = new ArrayList<>();
            var results = admin.createTopics(missing).values();
            for (NewTopic topic : missing) {
                try {
                    results.get(topic.name()).get();
                    System.out.println("created " + topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    raced.add(topic.name()); // created meanwhile, e.g. auto-created by a producer
                }
            }
            List<String> present = new ArrayList<>(wanted);
            missing.forEach(topic -> present.remove(topic.name()));
            present.addAll(raced);
            if (!present.isEmpty()) {
                Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames().get();
                for (String name : present) {
                    int partitions = descriptions.get(name).partitions().size();
                    System.out.println("exists " + name + " (" + partitions + " partitions)"
                            + (partitions < PARTITIONS ? " WARNING: fewer than " + PARTITIONS : ""));
                }
            }
        }
    }
}
